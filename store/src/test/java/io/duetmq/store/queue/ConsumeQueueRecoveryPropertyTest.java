package io.duetmq.store.queue;

import static io.duetmq.store.queue.ConsumeQueueDescriptor.BASE_LOGICAL_OFFSET_OFFSET;
import static io.duetmq.store.queue.ConsumeQueueDescriptor.COMMIT_LOG_OFFSET_OFFSET;
import static io.duetmq.store.queue.ConsumeQueueDescriptor.ENTRY_LENGTH;
import static io.duetmq.store.queue.ConsumeQueueDescriptor.RECORDS_OFFSET;
import static io.duetmq.store.queue.ConsumeQueueDescriptor.SIZE_OFFSET;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Corrupts one entry of a written queue the way a crash or a bad disk could, and checks that
 * recovery keeps exactly the entries before it, and that the dropped tail cannot come back.
 */
class ConsumeQueueRecoveryPropertyTest {

  enum Corruption {
    ZERO_ENTRY,
    TORN_TAIL_OF_ENTRY,
    TORN_HEAD_OF_ENTRY,
    RECORDS_NOT_POSITIVE,
    SIZE_NOT_POSITIVE,
    BASE_GOES_BACK,
    COMMIT_LOG_OFFSET_GOES_BACK,
    FILE_CUT_INSIDE_ENTRY
  }

  @Property(tries = 100)
  void shouldKeepExactlyTheValidPrefixAfterCorruption(
      @ForAll @IntRange(min = 1, max = 30) int count,
      @ForAll @IntRange(min = 1, max = 6) int entriesPerFile,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 0, max = 1_000) int detail,
      @ForAll Corruption corruption,
      @ForAll long seed)
      throws IOException {
    Path root = Files.createTempDirectory("cq-property");
    try {
      Path dir = root.resolve("t").resolve("0");
      List<EntrySpec> specs = EntrySpec.generate(new Random(seed), count, detail, 5);
      try (ConsumeQueue queue = ConsumeQueue.open(dir, "t", 0, entriesPerFile)) {
        EntrySpec.appendAll(queue, specs);
      }
      int victim = where % count;
      corrupt(dir, entriesPerFile, specs, victim, corruption, detail);

      try (ConsumeQueue queue = ConsumeQueue.open(dir, "t", 0, entriesPerFile)) {
        assertThat(EntrySpec.readAll(queue)).isEqualTo(specs.subList(0, victim));
        assertThat(queue.endEntryNumber()).isEqualTo(victim);
        assertThat(queue.maxOffset())
            .isEqualTo(victim == 0 ? 0 : specs.get(victim - 1).nextLogicalOffset());
        long filesNeeded = victim == 0 ? 0 : (victim - 1) / entriesPerFile + 1;
        assertThat(Files.exists(dir) ? QueueFiles.names(dir) : List.of())
            .hasSize((int) filesNeeded);
        // the dispatcher replays the dropped records
        EntrySpec.appendAll(queue, specs.subList(victim, count));
      }
      try (ConsumeQueue queue = ConsumeQueue.open(dir, "t", 0, entriesPerFile)) {
        assertThat(EntrySpec.readAll(queue)).isEqualTo(specs);
      }
    } finally {
      QueueFiles.deleteRecursively(root);
    }
  }

  private static void corrupt(
      Path dir, int perFile, List<EntrySpec> specs, int victim, Corruption corruption, int detail) {
    EntrySpec spec = specs.get(victim);
    switch (corruption) {
      case ZERO_ENTRY -> QueueFiles.zeroEntryBytes(dir, victim, perFile, 0, ENTRY_LENGTH);
      case TORN_TAIL_OF_ENTRY -> {
        // a write that stopped at an 8-byte boundary: records, at least, is still zero
        int kept = 8 * (detail % 5);
        QueueFiles.zeroEntryBytes(dir, victim, perFile, kept, ENTRY_LENGTH - kept);
      }
      case TORN_HEAD_OF_ENTRY -> {
        // the second half of the entry reached the disk, the first (size included) did not
        int lost = 8 * (2 + detail % 3);
        QueueFiles.zeroEntryBytes(dir, victim, perFile, 0, lost);
      }
      case RECORDS_NOT_POSITIVE ->
          QueueFiles.putInt(dir, victim, perFile, RECORDS_OFFSET, -(detail % 3));
      case SIZE_NOT_POSITIVE -> QueueFiles.putInt(dir, victim, perFile, SIZE_OFFSET, -(detail % 3));
      case BASE_GOES_BACK ->
          QueueFiles.putLong(
              dir,
              victim,
              perFile,
              BASE_LOGICAL_OFFSET_OFFSET,
              (victim == 0 ? 0 : specs.get(victim - 1).nextLogicalOffset()) - 1 - detail);
      case COMMIT_LOG_OFFSET_GOES_BACK ->
          QueueFiles.putLong(
              dir,
              victim,
              perFile,
              COMMIT_LOG_OFFSET_OFFSET,
              victim == 0 ? -1 - detail : specs.get(victim - 1).commitLogOffset() - detail % 2);
      case FILE_CUT_INSIDE_ENTRY ->
          QueueFiles.truncate(
              QueueFiles.fileOfEntry(dir, victim, perFile),
              QueueFiles.positionOfEntry(victim, perFile) + detail % ENTRY_LENGTH);
      default -> throw new IllegalArgumentException("unknown corruption " + corruption);
    }
    assertThat(spec.records()).isPositive();
  }
}
