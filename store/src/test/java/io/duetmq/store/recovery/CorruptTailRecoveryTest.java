package io.duetmq.store.recovery;

import static io.duetmq.store.StoreTestSupport.appendNow;
import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.store.AppendResult;
import io.duetmq.store.MessageStore;
import io.duetmq.store.StoreConfig;
import io.duetmq.store.StoreTestSupport;
import io.duetmq.store.StoredRecord;
import io.duetmq.store.log.CommitLogDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages a closed store at random points and checks that recovery keeps exactly the records before
 * the first damaged one, rebuilds everything derived from them, and lets writing continue behind
 * them.
 */
class CorruptTailRecoveryTest {
  private static final int RECORDS = 60;
  private static final int QUEUES = 3;

  @TempDir Path temp;

  enum Damage {
    ZERO_FROM_POINT,
    FLIP_BODY_BYTE,
    GARBAGE_SIZE,
    GARBAGE_MAGIC
  }

  @Test
  void shouldKeepExactlyTheValidPrefixAfterRandomDamage() throws IOException {
    Random random = new Random(20261125);
    for (int round = 0; round < 24; round++) {
      Path root = Files.createDirectory(temp.resolve("round-" + round));
      Damage damage = Damage.values()[round % Damage.values().length];
      runRound(root, damage, random);
    }
  }

  private static void runRound(Path root, Damage damage, Random random) throws IOException {
    StoreConfig config = StoreTestSupport.smallConfig(root);
    List<AppendResult> written = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    try (MessageStore store = StoreTestSupport.open(config)) {
      for (int i = 0; i < RECORDS; i++) {
        String body = i + ":" + "x".repeat(10 + random.nextInt(3000));
        bodies.add(body);
        written.add(appendNow(store, StoreTestSupport.message("C", i % QUEUES, body, null)));
      }
    }
    int victim = random.nextInt(RECORDS);
    damage(config, written.get(victim), damage, random);
    Files.delete(root.resolve(StoreCheckpoint.FILE_NAME));
    Files.writeString(root.resolve("abort"), "crashed");

    try (MessageStore store = StoreTestSupport.open(config)) {
      long survivors = 0;
      for (int q = 0; q < QUEUES; q++) {
        survivors += store.maxOffset("C", q);
      }
      assertThat(survivors).as("%s of record %d", damage, victim).isEqualTo(victim);
      for (int i = 0; i < victim; i++) {
        StoredRecord record = store.lookup(written.get(i).physicalOffset());
        assertThat(StoreTestSupport.bodyOf(record)).isEqualTo(bodies.get(i));
      }
      AppendResult next =
          appendNow(store, StoreTestSupport.message("C", victim % QUEUES, "new", null));
      assertThat(next.queueOffset()).isEqualTo(victim / QUEUES);
      assertThat(next.physicalOffset()).isLessThanOrEqualTo(written.get(victim).physicalOffset());
    }
  }

  private static void damage(StoreConfig config, AppendResult record, Damage damage, Random random)
      throws IOException {
    long segmentSize = StoreTestSupport.SEGMENT_SIZE;
    long segmentStart = record.physicalOffset() - record.physicalOffset() % segmentSize;
    Path file = config.commitLogDir().resolve(CommitLogDescriptor.segmentFileName(segmentStart));
    int at = (int) (record.physicalOffset() - segmentStart);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      switch (damage) {
        case ZERO_FROM_POINT -> {
          int from = at + random.nextInt(record.size());
          channel.write(ByteBuffer.allocate((int) segmentSize - from), from);
          deleteLaterSegments(config, segmentStart);
        }
        case FLIP_BODY_BYTE -> {
          int bodyAt = at + CommitLogDescriptor.bodyLengthOffset(0) + 4 + 2;
          ByteBuffer one = ByteBuffer.allocate(1);
          channel.read(one, bodyAt);
          one.put(0, (byte) ~one.get(0));
          channel.write(one.rewind(), bodyAt);
        }
        case GARBAGE_SIZE ->
            channel.write(ByteBuffer.allocate(4).putInt(0, 7 + random.nextInt(1 << 20)), at);
        case GARBAGE_MAGIC ->
            channel.write(ByteBuffer.allocate(4).putInt(0, random.nextInt()), at + 4);
      }
    }
  }

  private static void deleteLaterSegments(StoreConfig config, long segmentStart)
      throws IOException {
    try (var files = Files.list(config.commitLogDir())) {
      for (Path p : files.toList()) {
        if (Long.parseLong(p.getFileName().toString()) > segmentStart) {
          Files.delete(p);
        }
      }
    }
  }
}
