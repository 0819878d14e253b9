package io.duetmq.store;

import static io.duetmq.store.StoreTestSupport.appendNow;
import static io.duetmq.store.StoreTestSupport.bodyOf;
import static io.duetmq.store.StoreTestSupport.message;
import static io.duetmq.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageStoreTest {
  @TempDir Path dir;

  @Test
  void shouldAssignDenseQueueOffsetsAndReadRecordsBack() {
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      for (int i = 0; i < 10; i++) {
        AppendResult result = appendNow(store, message("T", 1, "m" + i, null));
        assertThat(result.status()).isEqualTo(AppendStatus.PUT_OK);
        assertThat(result.queueOffset()).isEqualTo(i);
      }
      awaitDispatched(store);
      QueueReadResult read = store.read("T", 1, 3, 1 << 20, 4, QueueEntryFilter.ALL);
      assertThat(read.status()).isEqualTo(ReadStatus.FOUND);
      assertThat(read.records())
          .extracting(StoreTestSupport::bodyOf)
          .containsExactly("m3", "m4", "m5", "m6");
      assertThat(read.nextBeginOffset()).isEqualTo(7);
      assertThat(read.minOffset()).isZero();
      assertThat(read.maxOffset()).isEqualTo(10);
    }
  }

  @Test
  void shouldGiveABatchConsecutiveOffsetsAndFindItFromAnyOfThem() {
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      appendNow(store, message("K", 0, "single", null));
      AppendResult batch =
          appendNow(
              store,
              AppendRequest.builder("K", 0, ByteBuffer.allocate(32))
                  .batch(5, (body, base) -> body.putLong(0, base))
                  .build());
      AppendResult after = appendNow(store, message("K", 0, "after", null));
      assertThat(batch.queueOffset()).isEqualTo(1);
      assertThat(after.queueOffset()).isEqualTo(6);
      awaitDispatched(store);

      QueueReadResult read = store.read("K", 0, 4, 1 << 20, 1, QueueEntryFilter.ALL);
      assertThat(read.records()).hasSize(1);
      StoredRecord record = read.records().get(0);
      assertThat(record.baseOffset()).isEqualTo(1);
      assertThat(record.recordCount()).isEqualTo(5);
      assertThat(read.nextBeginOffset()).isEqualTo(6);
      assertThat(store.lookup(batch.physicalOffset()).recordCount()).isEqualTo(5);
    }
  }

  @Test
  void shouldAnswerOffsetStatusesLikeRocketMq() {
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      assertThat(store.read("none", 0, 0, 100, 1, null).status())
          .isEqualTo(ReadStatus.NO_MATCHED_LOGIC_QUEUE);
      appendNow(store, message("S", 0, "a", null));
      awaitDispatched(store);
      assertThat(store.read("S", 0, 1, 100, 1, null).status())
          .isEqualTo(ReadStatus.OFFSET_OVERFLOW_ONE);
      assertThat(store.read("S", 0, 5, 100, 1, null).status())
          .isEqualTo(ReadStatus.OFFSET_OVERFLOW_BADLY);
    }
  }

  @Test
  void shouldFilterByTagHashAndRespectMaxBytes() {
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      for (int i = 0; i < 6; i++) {
        String tag = i % 2 == 0 ? "TagA" : "TagB";
        appendNow(store, message("F", 0, "body-" + i, "TAGS\u0001" + tag + "\u0002"));
      }
      awaitDispatched(store);
      long tagB = "TagB".hashCode();
      QueueReadResult onlyB = store.read("F", 0, 0, 1 << 20, 10, code -> code == tagB);
      assertThat(onlyB.records())
          .extracting(StoreTestSupport::bodyOf)
          .containsExactly("body-1", "body-3", "body-5");
      QueueReadResult small = store.read("F", 0, 0, 1, 10, null);
      assertThat(small.records()).as("the first record always fits").hasSize(1);
    }
  }

  @Test
  void shouldFindOffsetsByStoreTimestamp() {
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      List<AppendResult> results = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        results.add(appendNow(store, message("TS", 0, "x" + i, null)));
      }
      awaitDispatched(store);
      long third = results.get(2).storeTimestamp();
      long found = store.offsetForTimestamp("TS", 0, third);
      assertThat(results.get((int) found).storeTimestamp()).isEqualTo(third);
      assertThat(found).isLessThanOrEqualTo(2);
      assertThat(store.offsetForTimestamp("TS", 0, Long.MAX_VALUE)).isEqualTo(5);
      assertThat(store.storeTimestampAt("TS", 0, 4)).isEqualTo(results.get(4).storeTimestamp());
    }
  }

  @Test
  void shouldFindRecordsByKeyAndUniqueKey() {
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      appendNow(
          store, message("Q", 0, "one", "KEYS\u0001order-1 order-2\u0002UNIQ_KEY\u0001U1\u0002"));
      appendNow(store, message("Q", 1, "two", "KEYS\u0001order-2\u0002"));
      awaitDispatched(store);
      assertThat(store.queryByKey("Q", "order-2", 10, 0, Long.MAX_VALUE))
          .extracting(StoreTestSupport::bodyOf)
          .containsExactly("two", "one");
      assertThat(store.queryByKey("Q", "U1", 10, 0, Long.MAX_VALUE))
          .extracting(StoreTestSupport::bodyOf)
          .containsExactly("one");
      assertThat(store.queryByKey("Other", "order-2", 10, 0, Long.MAX_VALUE)).isEmpty();
    }
  }

  @Test
  void shouldRollSegmentsWithBlankPaddingAndReadAcrossThem() {
    String body = "b".repeat(1000);
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      for (int i = 0; i < 200; i++) {
        appendNow(store, message("R", i % 3, body, null));
      }
      awaitDispatched(store);
      assertThat(store.commitLogMaxOffset()).isGreaterThan(2L * StoreTestSupport.SEGMENT_SIZE);
      long total = 0;
      for (int q = 0; q < 3; q++) {
        QueueReadResult read = store.read("R", q, 0, 1 << 24, 1000, null);
        assertThat(read.records()).allSatisfy(r -> assertThat(bodyOf(r)).isEqualTo(body));
        total += read.records().size();
      }
      assertThat(total).isEqualTo(200);
    }
  }

  @Test
  void shouldKeepRecordsAndOffsetsAcrossACleanRestart() {
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      for (int i = 0; i < 50; i++) {
        appendNow(store, message("P", 0, "m" + i, "KEYS\u0001k" + i + "\u0002"));
      }
    }
    assertThat(Files.exists(dir.resolve("abort"))).isFalse();
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      assertThat(store.maxOffset("P", 0)).isEqualTo(50);
      assertThat(appendNow(store, message("P", 0, "m50", null)).queueOffset()).isEqualTo(50);
      awaitDispatched(store);
      assertThat(store.read("P", 0, 49, 1 << 20, 10, null).records())
          .extracting(StoreTestSupport::bodyOf)
          .containsExactly("m49", "m50");
      assertThat(store.queryByKey("P", "k7", 5, 0, Long.MAX_VALUE)).hasSize(1);
    }
  }

  @Test
  void shouldRebuildMissingDerivedFilesFromTheLog() throws Exception {
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      for (int i = 0; i < 30; i++) {
        appendNow(store, message("D", i % 2, "m" + i, "KEYS\u0001key" + i + "\u0002"));
      }
    }
    deleteRecursively(smallConfig(dir).consumeQueueDir().getParent());
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      assertThat(store.maxOffset("D", 0)).isEqualTo(15);
      assertThat(store.maxOffset("D", 1)).isEqualTo(15);
      assertThat(store.queryByKey("D", "key29", 5, 0, Long.MAX_VALUE))
          .extracting(StoreTestSupport::bodyOf)
          .containsExactly("m29");
    }
  }

  @Test
  void shouldGroupCommitConcurrentSyncAppendsWithDenseOffsets() throws Exception {
    StoreConfig config = smallConfig(dir).withFlushDiskType(FlushDiskType.SYNC_FLUSH);
    int threads = 8;
    int perThread = 200;
    List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
    try (MessageStore store = StoreTestSupport.open(config)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> senders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread sender =
            new Thread(
                () -> {
                  awaitLatch(start);
                  for (int i = 0; i < perThread; i++) {
                    CompletableFuture<AppendResult> f = store.append(message("G", 0, "x", null));
                    synchronized (futures) {
                      futures.add(f);
                    }
                  }
                });
        senders.add(sender);
        sender.start();
      }
      start.countDown();
      for (Thread sender : senders) {
        sender.join(TimeUnit.SECONDS.toMillis(30));
      }
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
          .get(30, TimeUnit.SECONDS);
      AtomicLong sum = new AtomicLong();
      for (CompletableFuture<AppendResult> f : futures) {
        AppendResult result = f.join();
        assertThat(result.status()).isEqualTo(AppendStatus.PUT_OK);
        sum.addAndGet(result.queueOffset());
      }
      long n = (long) threads * perThread;
      assertThat(sum.get()).as("offsets are exactly 0..n-1").isEqualTo(n * (n - 1) / 2);
    }
  }

  @Test
  void shouldWriteAGroupOfAppendsBackToBackWithConsecutiveOffsets() throws Exception {
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      List<CompletableFuture<List<AppendResult>>> groups = new ArrayList<>();
      for (int g = 0; g < 50; g++) {
        List<AppendRequest> group = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          group.add(message("Batch", 0, "g" + g + "-" + i, null));
        }
        groups.add(store.appendAll(group));
        store.append(message("Batch", 0, "single-" + g, null));
      }
      for (CompletableFuture<List<AppendResult>> group : groups) {
        List<AppendResult> results = group.get(10, TimeUnit.SECONDS);
        assertThat(results).hasSize(10);
        for (int i = 1; i < results.size(); i++) {
          assertThat(results.get(i).queueOffset()).isEqualTo(results.get(0).queueOffset() + i);
        }
      }
      List<AppendRequest> bad =
          List.of(
              message("Batch", 0, "ok", null),
              AppendRequest.builder("Batch", 0, ByteBuffer.allocate(1))
                  .properties("k\u0001" + "v".repeat(40_000) + "\u0002")
                  .build());
      List<AppendResult> refused = store.appendAll(bad).get(10, TimeUnit.SECONDS);
      assertThat(refused)
          .extracting(AppendResult::status)
          .containsExactly(AppendStatus.MESSAGE_ILLEGAL, AppendStatus.PROPERTIES_SIZE_EXCEEDED);
    }
  }

  @Test
  void shouldRejectOversizedBodiesAndProperties() {
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      AppendRequest big =
          AppendRequest.builder("B", 0, ByteBuffer.allocate(StoreTestSupport.SEGMENT_SIZE)).build();
      assertThat(appendNow(store, big).status()).isEqualTo(AppendStatus.MESSAGE_ILLEGAL);
      AppendRequest props =
          AppendRequest.builder("B", 0, ByteBuffer.allocate(1))
              .properties("k\u0001" + "v".repeat(40_000) + "\u0002")
              .build();
      assertThat(appendNow(store, props).status()).isEqualTo(AppendStatus.PROPERTIES_SIZE_EXCEEDED);
      assertThat(appendNow(store, message("B", 0, "ok", null)).queueOffset()).isZero();
    }
  }

  @Test
  void shouldWakeArrivalListenersWithTheNewMaxOffset() {
    try (MessageStore store = StoreTestSupport.open(smallConfig(dir))) {
      AtomicLong seen = new AtomicLong(-1);
      store.addArrivalListener(
          (topic, queueId, max) -> {
            if (topic.equals("L") && queueId == 2) {
              seen.set(max);
            }
          });
      appendNow(store, message("L", 2, "a", null));
      appendNow(store, message("L", 2, "b", null));
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() == 2);
    }
  }

  static void awaitDispatched(MessageStore store) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void deleteRecursively(Path root) throws Exception {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
