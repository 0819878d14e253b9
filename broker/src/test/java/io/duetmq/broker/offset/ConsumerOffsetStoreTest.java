package io.duetmq.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.config.ConfigFileStore;
import io.duetmq.broker.config.MutableClock;
import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendResult;
import io.duetmq.store.AppendStatus;
import io.duetmq.store.MessageStore;
import io.duetmq.store.StoreConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerOffsetStoreTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(1_000_000);

  private MessageStore openStore(Path root) {
    StoreConfig config =
        StoreConfig.defaults(root)
            .withCommitLogSegmentSize(64 * 1024)
            .withSmallDerivedFiles(64, 64, 256)
            .withRetention(72, "04", 99, 99);
    return MessageStore.open(config, clock);
  }

  private ConsumerOffsetStore openOffsets(Path root, MessageStore store) {
    return ConsumerOffsetStore.open(
        new ConfigFileStore(root), store, store, clock, PeriodicScheduler.NONE, 5_000);
  }

  private static AppendResult await(CompletableFuture<AppendResult> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("append did not complete", e);
    }
  }

  @Test
  void shouldAnswerMinusOneUntilAGroupCommits() {
    try (MessageStore store = openStore(dir);
        ConsumerOffsetStore offsets = openOffsets(dir, store)) {
      assertThat(offsets.query("cg", "T", 0)).isEqualTo(-1);

      AppendResult journaled = await(offsets.commit("cg", "T", 0, 12));
      offsets.commit("cg", "T", 1, 7);
      offsets.commit("cg", "T", 0, 13);
      offsets.commit("cg", "U", 0, 1);
      offsets.commit("other", "T", 3, 0);

      assertThat(journaled.status()).isEqualTo(AppendStatus.PUT_OK);
      assertThat(offsets.query("cg", "T", 0)).isEqualTo(13);
      assertThat(offsets.query("cg", "T", 2)).isEqualTo(-1);
      assertThat(offsets.query("other", "T", 3)).isZero();
      assertThat(offsets.queryAll("cg"))
          .isEqualTo(Map.of("T", Map.of(0, 13L, 1, 7L), "U", Map.of(0, 1L)));
      assertThat(offsets.groupsOf("T")).containsExactly("cg", "other");
      assertThat(offsets.topicsOf("cg")).containsExactly("T", "U");
    }
  }

  @Test
  void shouldForgetGroupsAndTopics() {
    try (MessageStore store = openStore(dir);
        ConsumerOffsetStore offsets = openOffsets(dir, store)) {
      offsets.commit("g1", "T", 0, 1);
      offsets.commit("g1", "U", 0, 2);
      offsets.commit("g2", "T", 0, 3);
      offsets.commit("g2", "U", 0, 4);

      offsets.removeGroup("g1");
      offsets.removeTopic("U");

      assertThat(offsets.keys()).containsExactly(new OffsetKey("T", "g2"));
      assertThat(offsets.groupsOf("U")).isEmpty();
    }
  }

  @Test
  void shouldKeepCommitsAcrossACleanRestart() throws IOException {
    try (MessageStore store = openStore(dir);
        ConsumerOffsetStore offsets = openOffsets(dir, store)) {
      offsets.commit("cg", "T", 0, 12);
      offsets.commit("cg", "T", 1, 7);
    }

    assertThat(Files.readString(dir.resolve("config/consumerOffset.json")))
        .contains("\"T@cg\":{\"0\":12,\"1\":7}")
        .contains("\"duetmqLogOffset\":2");
    try (MessageStore store = openStore(dir);
        ConsumerOffsetStore offsets = openOffsets(dir, store)) {
      assertThat(offsets.queryAll("cg")).isEqualTo(Map.of("T", Map.of(0, 12L, 1, 7L)));
    }
  }

  @Test
  void shouldRecoverCommitsMadeAfterTheLastSnapshotFromTheJournalAfterACrash() throws IOException {
    Path crashed = dir.resolve("crashed");
    try (MessageStore store = openStore(dir.resolve("live"));
        ConsumerOffsetStore offsets = openOffsets(dir.resolve("live"), store)) {
      offsets.commit("cg", "T", 0, 1);
      offsets.commit("gone", "T", 0, 5);
      offsets.commit("reborn", "T", 0, 6);
      await(offsets.commit("cg", "T", 1, 1));
      offsets.persist();
      offsets.commit("cg", "T", 0, 2);
      offsets.commit("cg", "U", 2, 9);
      offsets.removeGroup("gone");
      offsets.removeGroup("reborn");
      offsets.commit("reborn", "T", 0, 60);
      await(offsets.commit("cg", "T", 1, 3));
      copyTree(dir.resolve("live"), crashed); // a crash: no close, no final snapshot
    }

    assertThat(Files.readString(crashed.resolve("config/consumerOffset.json")))
        .contains("T@gone")
        .doesNotContain("U@cg");
    try (MessageStore store = openStore(crashed);
        ConsumerOffsetStore offsets = openOffsets(crashed, store)) {
      assertThat(offsets.queryAll("cg"))
          .isEqualTo(Map.of("T", Map.of(0, 2L, 1, 3L), "U", Map.of(2, 9L)));
      assertThat(offsets.queryAll("gone")).isEmpty();
      assertThat(offsets.queryAll("reborn")).isEqualTo(Map.of("T", Map.of(0, 60L)));
    }
  }

  @Test
  void shouldRebuildEverythingFromTheJournalWhenTheSnapshotFilesAreLost() throws IOException {
    try (MessageStore store = openStore(dir);
        ConsumerOffsetStore offsets = openOffsets(dir, store)) {
      offsets.commit("cg", "T", 0, 4);
      offsets.commit("cg", "T", 0, 5);
    }
    Files.delete(dir.resolve("config/consumerOffset.json"));
    Files.delete(dir.resolve("config/consumerOffset.json.bak"));

    try (MessageStore store = openStore(dir);
        ConsumerOffsetStore offsets = openOffsets(dir, store)) {
      assertThat(offsets.query("cg", "T", 0)).isEqualTo(5);
    }
  }

  @Test
  void shouldSkipAnUndecodableJournalRecord() throws IOException {
    try (MessageStore store = openStore(dir)) {
      await(
          store.append(
              AppendRequest.builder(
                      ConsumerOffsetStore.JOURNAL_TOPIC,
                      0,
                      ByteBuffer.wrap("garbage".getBytes(StandardCharsets.UTF_8)))
                  .build()));
      try (ConsumerOffsetStore offsets = openOffsets(dir, store)) {
        await(offsets.commit("cg", "T", 0, 1));
      }
    }
    Files.delete(dir.resolve("config/consumerOffset.json"));
    Files.delete(dir.resolve("config/consumerOffset.json.bak"));

    try (MessageStore store = openStore(dir);
        ConsumerOffsetStore offsets = openOffsets(dir, store)) {
      assertThat(offsets.query("cg", "T", 0)).isEqualTo(1);
    }
  }

  @Test
  void shouldOpenARocketMqOffsetFileWithoutJournalOffset() throws IOException {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        dir.resolve("config/consumerOffset.json"),
        "{\n\t\"offsetTable\":{\n\t\t\"FixtureTopic@cg\":{0:250,1:250,2:249,3:251\n\t\t}\n\t}\n}");

    try (MessageStore store = openStore(dir);
        ConsumerOffsetStore offsets = openOffsets(dir, store)) {
      assertThat(offsets.query("cg", "FixtureTopic", 2)).isEqualTo(249);
      assertThat(offsets.groupsOf("FixtureTopic")).containsExactly("cg");
    }
  }

  @Test
  void shouldSnapshotOnTheInjectedScheduleAtTheConfiguredPeriod() throws IOException {
    Runnable[] task = new Runnable[1];
    long[] period = new long[1];
    boolean[] cancelled = new boolean[1];
    PeriodicScheduler manual =
        (runnable, millis) -> {
          task[0] = runnable;
          period[0] = millis;
          return () -> cancelled[0] = true;
        };
    Path file = dir.resolve("config/consumerOffset.json");
    try (MessageStore store = openStore(dir);
        ConsumerOffsetStore offsets =
            ConsumerOffsetStore.open(
                new ConfigFileStore(dir), store, store, clock, manual, 2_500)) {
      assertThat(period[0]).isEqualTo(2_500);
      offsets.commit("cg", "T", 0, 12);
      assertThat(Files.readString(file)).doesNotContain("T@cg");

      task[0].run();

      assertThat(Files.readString(file)).contains("\"T@cg\":{\"0\":12}");
      assertThat(cancelled[0]).isFalse();
    }
    assertThat(cancelled[0]).isTrue();
  }

  @Test
  void shouldResetByTimestampAndHoldOffStaleClientCommitsUntilThePullTakesTheReset()
      throws InterruptedException {
    try (MessageStore store = openStore(dir);
        ConsumerOffsetStore offsets = openOffsets(dir, store)) {
      CountDownLatch dispatched = new CountDownLatch(2);
      store.addArrivalListener(
          (topic, queueId, max) -> {
            if (topic.equals("T") && max == 3) {
              dispatched.countDown();
            }
          });
      for (long time : new long[] {10_000, 20_000, 30_000}) {
        clock.set(time);
        for (int queue = 0; queue < 2; queue++) {
          await(store.append(message("T", queue)));
        }
      }
      assertThat(dispatched.await(10, TimeUnit.SECONDS)).isTrue();
      offsets.commit("cg", "T", 0, 3);

      Map<Integer, Long> reset = offsets.resetByTimestamp("cg", "T", 3, 20_000);

      assertThat(reset).containsExactly(Map.entry(0, 1L), Map.entry(1, 1L), Map.entry(2, 0L));
      assertThat(offsets.query("cg", "T", 0)).isEqualTo(1);
      assertThat(offsets.commitByClient("cg", "T", 0, 3)).isFalse();
      assertThat(offsets.query("cg", "T", 0)).isEqualTo(1);
      assertThat(offsets.takePendingReset("cg", "T", 0)).isEqualTo(1);
      assertThat(offsets.takePendingReset("cg", "T", 0)).isEqualTo(-1);
      assertThat(offsets.commitByClient("cg", "T", 0, 2)).isTrue();
      assertThat(offsets.query("cg", "T", 0)).isEqualTo(2);
      assertThat(offsets.resetByTimestamp("cg", "T", 2, -1))
          .containsExactly(Map.entry(0, 3L), Map.entry(1, 3L));
      offsets.removeGroup("cg");
      assertThat(offsets.pendingReset("cg", "T", 1)).isEqualTo(-1);
    }
  }

  private static AppendRequest message(String topic, int queue) {
    return AppendRequest.builder(topic, queue, ByteBuffer.wrap(new byte[] {1, 2, 3}))
        .bornTimestamp(1)
        .build();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  @Test
  void shouldListNothingForUnknownGroups() {
    try (MessageStore store = openStore(dir);
        ConsumerOffsetStore offsets = openOffsets(dir, store)) {
      assertThat(offsets.queryAll("none")).isEmpty();
      assertThat(offsets.topicsOf("none")).isEqualTo(List.of());
    }
  }
}
