package io.duetmq.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** Small stores and records for tests. */
public final class StoreTestSupport {
  public static final int SEGMENT_SIZE = 64 * 1024;

  private StoreTestSupport() {}

  /**
   * Small segments and derived files, so that boundaries appear in little data; retention never
   * forced.
   */
  public static StoreConfig smallConfig(Path root) {
    return StoreConfig.defaults(root)
        .withCommitLogSegmentSize(SEGMENT_SIZE)
        .withSmallDerivedFiles(64, 64, 256)
        .withRetention(72, "04", 99, 99);
  }

  public static MessageStore open(StoreConfig config) {
    return MessageStore.open(config, Clock.systemUTC());
  }

  public static AppendRequest message(String topic, int queueId, String body, String properties) {
    return AppendRequest.builder(topic, queueId, utf8(body))
        .properties(properties)
        .bornTimestamp(System.currentTimeMillis())
        .build();
  }

  public static ByteBuffer utf8(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends and waits for the result (bounded). */
  public static AppendResult appendNow(MessageAppender store, AppendRequest request) {
    try {
      return store.append(request).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("append did not complete", e);
    }
  }

  /** The body of a stored record as text. */
  public static String bodyOf(StoredRecord record) {
    io.duetmq.store.log.MessageRecordFlyweight view =
        new io.duetmq.store.log.MessageRecordFlyweight();
    view.wrap(record.buffer(), 0);
    return StandardCharsets.UTF_8.decode(view.body()).toString();
  }
}
