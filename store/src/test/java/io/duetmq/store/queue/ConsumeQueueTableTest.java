package io.duetmq.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueTableTest {

  private static final int PER_FILE = 4;

  @TempDir Path root;

  private static List<EntrySpec> fill(ConsumeQueue queue, long seed, int count) {
    List<EntrySpec> specs = EntrySpec.generate(new Random(seed), count, 0, 3);
    EntrySpec.appendAll(queue, specs);
    return specs;
  }

  @Test
  void shouldReopenEveryQueueIncludingRetryAndDeadLetterTopics() {
    List<EntrySpec> orders0;
    List<EntrySpec> orders7;
    List<EntrySpec> retry;
    List<EntrySpec> dlq;
    try (ConsumeQueueTable table = ConsumeQueueTable.open(root, PER_FILE)) {
      orders0 = fill(table.getOrCreate("orders", 0), 1, 9);
      orders7 = fill(table.getOrCreate("orders", 7), 2, 3);
      retry = fill(table.getOrCreate("%RETRY%group-a", 0), 3, 5);
      dlq = fill(table.getOrCreate("%DLQ%group-a", 0), 4, 1);
      table.getOrCreate("never-written", 0);
    }
    assertThat(root.resolve("%RETRY%group-a").resolve("0")).isDirectory();

    try (ConsumeQueueTable table = ConsumeQueueTable.open(root, PER_FILE)) {
      assertThat(table.size()).isEqualTo(4);
      assertThat(EntrySpec.readAll(table.find("orders", 0))).isEqualTo(orders0);
      assertThat(EntrySpec.readAll(table.find("orders", 7))).isEqualTo(orders7);
      assertThat(EntrySpec.readAll(table.find("%RETRY%group-a", 0))).isEqualTo(retry);
      assertThat(EntrySpec.readAll(table.find("%DLQ%group-a", 0))).isEqualTo(dlq);
      assertThat(table.find("orders", 1)).isNull();
      assertThat(table.find("never-written", 0)).isNull();
      assertThat(table.getOrCreate("orders", 0)).isSameAs(table.find("orders", 0));
      List<String> names = new ArrayList<>();
      table.forEach(queue -> names.add(queue.toString()));
      assertThat(names)
          .containsExactlyInAnyOrder("orders-0", "orders-7", "%RETRY%group-a-0", "%DLQ%group-a-0");
    }
  }

  @Test
  void shouldIgnoreDirectoriesThatAreNotQueues() throws IOException {
    Files.createDirectories(root.resolve("orders").resolve("abc"));
    Files.createDirectories(root.resolve("orders").resolve("01"));
    Files.createDirectories(root.resolve("orders").resolve("-1"));
    Files.write(root.resolve("stray-file"), new byte[] {1});

    try (ConsumeQueueTable table = ConsumeQueueTable.open(root, PER_FILE)) {
      assertThat(table.size()).isZero();
      assertThat(table.find("orders", 1)).isNull();
    }
  }

  @Test
  void shouldOpenAMissingRootAsAnEmptyTable() {
    try (ConsumeQueueTable table = ConsumeQueueTable.open(root.resolve("absent"), PER_FILE)) {
      assertThat(table.size()).isZero();
      assertThat(table.maxLastCommitLogEnd()).isZero();
    }
  }

  @Test
  void shouldHandOutOneQueuePerKeyToConcurrentCallers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (ConsumeQueueTable table = ConsumeQueueTable.open(root, PER_FILE)) {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<ConsumeQueue>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  }
                  return table.getOrCreate("t", 1);
                },
                pool));
      }
      start.countDown();
      ConsumeQueue first = futures.get(0).get(10, TimeUnit.SECONDS);
      for (CompletableFuture<ConsumeQueue> future : futures) {
        assertThat(future.get(10, TimeUnit.SECONDS)).isSameAs(first);
      }
      assertThat(table.size()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldReportWhereDispatchMustResume() {
    try (ConsumeQueueTable table = ConsumeQueueTable.open(root, PER_FILE)) {
      table.getOrCreate("a", 0).append(100, 50, 0, 1, 0, 1);
      table.getOrCreate("b", 0).append(150, 70, 0, 1, 0, 1);
      table.getOrCreate("a", 1).append(220, 5, 0, 1, 0, 1);

      assertThat(table.maxLastCommitLogEnd()).isEqualTo(225);

      table.truncateAllFrom(150);
      assertThat(table.maxLastCommitLogEnd()).isEqualTo(150);
      assertThat(table.find("b", 0).entryCount()).isZero();
      assertThat(table.find("a", 1).entryCount()).isZero();
      assertThat(table.find("a", 0).entryCount()).isEqualTo(1);
    }
  }

  @Test
  void shouldDeleteHeadFilesOfEveryQueue() {
    try (ConsumeQueueTable table = ConsumeQueueTable.open(root, PER_FILE)) {
      List<EntrySpec> a = fill(table.getOrCreate("a", 0), 5, 9);
      fill(table.getOrCreate("b", 0), 6, 2);

      assertThat(table.deleteAllFilesBelow(a.get(7).commitLogEnd())).isEqualTo(2);
      assertThat(table.find("a", 0).firstEntryNumber()).isEqualTo(8);
      assertThat(table.find("b", 0).firstEntryNumber()).isZero();
      table.flushAll();
    }
  }

  @Test
  void shouldDeleteATopicWithItsDirectoriesAndKeepTheOthers() {
    try (ConsumeQueueTable table = ConsumeQueueTable.open(root, PER_FILE)) {
      ConsumeQueue doomed = table.getOrCreate("%RETRY%g", 0);
      fill(doomed, 7, 6);
      fill(table.getOrCreate("%RETRY%g", 1), 8, 2);
      List<EntrySpec> kept = fill(table.getOrCreate("%RETRY%g2", 0), 9, 2);

      assertThat(table.deleteTopic("%RETRY%g")).isEqualTo(2);

      assertThat(root.resolve("%RETRY%g")).doesNotExist();
      assertThat(table.find("%RETRY%g", 0)).isNull();
      assertThat(doomed.read(0, new ConsumeQueueEntry())).isFalse();
      assertThat(EntrySpec.readAll(table.find("%RETRY%g2", 0))).isEqualTo(kept);
      assertThat(table.getOrCreate("%RETRY%g", 0).entryCount()).isZero();
    }
  }

  @Test
  void shouldRejectTopicsThatCannotBeDirectoryNames() {
    try (ConsumeQueueTable table = ConsumeQueueTable.open(root, PER_FILE)) {
      for (String topic : List.of("", ".", "..", "a/b", "a\\b")) {
        assertThatThrownBy(() -> table.getOrCreate(topic, 0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("\"" + topic + "\"");
      }
      assertThatThrownBy(() -> table.getOrCreate("t", -1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1");
    }
  }

  @Test
  void shouldRefuseNewQueuesAfterClose() {
    ConsumeQueueTable table = ConsumeQueueTable.open(root, PER_FILE);
    table.close();

    assertThatThrownBy(() -> table.getOrCreate("t", 0)).isInstanceOf(IllegalStateException.class);
  }
}
