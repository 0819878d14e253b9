package io.duetmq.store.retention;

import static io.duetmq.store.StoreTestSupport.appendNow;
import static io.duetmq.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duetmq.store.MessageStore;
import io.duetmq.store.ReadStatus;
import io.duetmq.store.StoreConfig;
import io.duetmq.store.StoreTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
  @TempDir Path dir;

  @Test
  void shouldDeleteExpiredSegmentsAndTheQueueFilesBelowThemButNeverTheActiveOne() throws Exception {
    // A clock 100 hours ahead at 04:xx makes every existing segment expired and the hour a deletion
    // hour.
    Instant at4 =
        ZonedDateTime.now(ZoneOffset.UTC).plusDays(5).withHour(4).withMinute(30).toInstant();
    Clock future = Clock.fixed(at4, ZoneOffset.UTC);
    StoreConfig config = StoreTestSupport.smallConfig(dir).withRetention(72, "04", 99, 99);
    String body = "r".repeat(2000);
    try (MessageStore store = MessageStore.open(config, future)) {
      for (int i = 0; i < 200; i++) {
        appendNow(store, message("Old", 0, body, "KEYS\u0001k" + i + "\u0002"));
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
      long segmentsBefore = countFiles(config.commitLogDir());
      assertThat(segmentsBefore).isGreaterThan(3);

      int deleted = store.deleteExpiredFiles();

      // All but the segment being written go; the pre-allocated next segment is not part of the log
      // yet.
      assertThat(deleted).isEqualTo((int) Math.min(10, segmentsBefore - 2));
      assertThat(countFiles(config.commitLogDir())).isEqualTo(segmentsBefore - deleted);
      assertThat(store.commitLogMinOffset()).isGreaterThan(0);
      long min = store.minOffset("Old", 0);
      assertThat(min).as("the queue's head moved past the deleted segments").isGreaterThan(0);
      assertThat(store.read("Old", 0, 0, 1 << 20, 1, null).status())
          .isEqualTo(ReadStatus.OFFSET_TOO_SMALL);
      assertThat(store.read("Old", 0, 199, 1 << 20, 1, null).status()).isEqualTo(ReadStatus.FOUND);
      assertThat(appendNow(store, message("Old", 0, "new", null)).queueOffset()).isEqualTo(200);
    }
  }

  @Test
  void shouldKeepSegmentsThatAreNotExpiredOrOutsideTheDeletionHour() throws Exception {
    Instant at9 =
        ZonedDateTime.now(ZoneOffset.UTC).plusDays(5).withHour(9).withMinute(0).toInstant();
    StoreConfig config = StoreTestSupport.smallConfig(dir).withRetention(72, "04", 99, 99);
    try (MessageStore store = MessageStore.open(config, Clock.fixed(at9, ZoneOffset.UTC))) {
      for (int i = 0; i < 100; i++) {
        appendNow(store, message("Keep", 0, "k".repeat(2000), null));
      }
      assertThat(store.deleteExpiredFiles())
          .as("expired, but 09:00 is not a deletion hour")
          .isZero();
    }
    try (MessageStore store = StoreTestSupport.open(config)) {
      assertThat(store.deleteExpiredFiles())
          .as("deletion hour or not, nothing is 72 h old")
          .isZero();
      assertThat(store.minOffset("Keep", 0)).isZero();
    }
  }

  private static long countFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }
}
