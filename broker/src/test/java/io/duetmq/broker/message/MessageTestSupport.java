package io.duetmq.broker.message;

import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendResult;
import io.duetmq.store.MessageAppender;
import io.duetmq.store.MessageStore;
import io.duetmq.store.QueueEntryFilter;
import io.duetmq.store.QueueReadResult;
import io.duetmq.store.QueueReader;
import io.duetmq.store.StoreConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Small stores and messages for broker tests. */
public final class MessageTestSupport {
  private MessageTestSupport() {}

  /** A store with 64 KiB segments and small derived files. */
  public static MessageStore openStore(Path root, Clock clock) {
    StoreConfig config =
        StoreConfig.defaults(root)
            .withCommitLogSegmentSize(64 * 1024)
            .withSmallDerivedFiles(64, 64, 256)
            .withRetention(72, "04", 99, 99);
    return MessageStore.open(config, clock);
  }

  public static ByteBuffer utf8(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String text(ByteBuffer buffer) {
    return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
  }

  /** A message request with the given properties. */
  public static AppendRequest message(
      String topic, int queueId, String body, Map<String, String> properties) {
    return AppendRequest.builder(topic, queueId, utf8(body))
        .properties(MessageProperties.format(properties))
        .bornTimestamp(1_700_000_000_000L)
        .build();
  }

  /** Appends and waits (bounded) for the result. */
  public static AppendResult appendNow(MessageAppender appender, AppendRequest request) {
    try {
      return appender.append(request).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("append did not complete", e);
    }
  }

  /**
   * Waits (bounded, polling like awaitility) until the dispatcher has built consume queues for
   * everything written, so reads see every completed append.
   */
  public static void awaitDispatched(MessageStore store) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (store.dispatchedOffset() < store.commitLogMaxOffset()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "dispatch stuck at " + store.dispatchedOffset() + " < " + store.commitLogMaxOffset());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  /** Every message of a queue from offset 0, decoded. */
  public static List<StoredMessage> readAll(QueueReader reader, String topic, int queueId) {
    List<StoredMessage> messages = new ArrayList<>();
    long offset = reader.minOffset(topic, queueId);
    while (offset < reader.maxOffset(topic, queueId)) {
      QueueReadResult result =
          reader.read(topic, queueId, offset, Integer.MAX_VALUE, 256, QueueEntryFilter.ALL);
      if (result.records().isEmpty()) {
        break;
      }
      result.records().forEach(r -> messages.add(StoredMessage.decode(r)));
      offset = result.nextBeginOffset();
    }
    return messages;
  }
}
