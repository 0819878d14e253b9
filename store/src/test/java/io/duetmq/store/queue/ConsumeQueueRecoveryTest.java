package io.duetmq.store.queue;

import static io.duetmq.store.queue.ConsumeQueueDescriptor.BASE_LOGICAL_OFFSET_OFFSET;
import static io.duetmq.store.queue.ConsumeQueueDescriptor.COMMIT_LOG_OFFSET_OFFSET;
import static io.duetmq.store.queue.ConsumeQueueDescriptor.ENTRY_LENGTH;
import static io.duetmq.store.queue.ConsumeQueueDescriptor.RECORDS_OFFSET;
import static io.duetmq.store.queue.ConsumeQueueDescriptor.SIZE_OFFSET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueRecoveryTest {

  private static final int PER_FILE = 4;

  @TempDir Path root;

  private Path queueDir() {
    return root.resolve("t").resolve("0");
  }

  private ConsumeQueue open() {
    return ConsumeQueue.open(queueDir(), "t", 0, PER_FILE);
  }

  private List<EntrySpec> written(int count) {
    List<EntrySpec> specs = EntrySpec.generate(new Random(count), count, 0, 4);
    try (ConsumeQueue queue = open()) {
      EntrySpec.appendAll(queue, specs);
    }
    return specs;
  }

  private void assertKeepsExactly(List<EntrySpec> prefix) {
    try (ConsumeQueue queue = open()) {
      assertThat(EntrySpec.readAll(queue)).isEqualTo(prefix);
      assertThat(queue.endEntryNumber()).isEqualTo(prefix.size());
      assertThat(queue.maxOffset())
          .isEqualTo(prefix.isEmpty() ? 0 : prefix.get(prefix.size() - 1).nextLogicalOffset());
      assertThat(queue.lastCommitLogEnd())
          .isEqualTo(prefix.isEmpty() ? 0 : prefix.get(prefix.size() - 1).commitLogEnd());
    }
  }

  @Test
  void shouldOpenAMissingDirectoryAsAnEmptyQueue() {
    try (ConsumeQueue queue = ConsumeQueue.open(root.resolve("nope/0"), "nope", 0, PER_FILE)) {
      assertThat(queue.entryCount()).isZero();
      assertThat(queue.maxOffset()).isZero();
    }
  }

  @Test
  void shouldTruncateAtAZeroedEntryInTheMiddleOfAFileAndDropEverythingAfter() {
    List<EntrySpec> specs = written(14);
    QueueFiles.zeroEntryBytes(queueDir(), 5, PER_FILE, 0, ENTRY_LENGTH);

    assertKeepsExactly(specs.subList(0, 5));
    assertThat(QueueFiles.names(queueDir()))
        .containsExactly("00000000000000000000", "00000000000000000160");
    // the entries after the hole were zeroed, so they cannot come back on a later reopen
    assertKeepsExactly(specs.subList(0, 5));
  }

  @Test
  void shouldTruncateACorruptEntryAtTheTail() {
    List<EntrySpec> specs = written(7);
    QueueFiles.putInt(queueDir(), 6, PER_FILE, RECORDS_OFFSET, 0);

    assertKeepsExactly(specs.subList(0, 6));
  }

  @Test
  void shouldTruncateAnEntryWhoseBaseGoesBackwards() {
    List<EntrySpec> specs = written(9);
    QueueFiles.putLong(
        queueDir(), 4, PER_FILE, BASE_LOGICAL_OFFSET_OFFSET, specs.get(3).nextLogicalOffset() - 1);

    assertKeepsExactly(specs.subList(0, 4));
    assertThat(QueueFiles.names(queueDir())).containsExactly("00000000000000000000");
  }

  @Test
  void shouldTruncateAnEntryWhoseCommitLogOffsetDoesNotGrow() {
    List<EntrySpec> specs = written(9);
    QueueFiles.putLong(
        queueDir(), 6, PER_FILE, COMMIT_LOG_OFFSET_OFFSET, specs.get(5).commitLogOffset());

    assertKeepsExactly(specs.subList(0, 6));
  }

  @Test
  void shouldKeepTheWholeEntriesOfATornShortFile() {
    List<EntrySpec> specs = written(7);
    QueueFiles.truncate(QueueFiles.fileOfEntry(queueDir(), 4, PER_FILE), 2 * ENTRY_LENGTH + 39);

    assertKeepsExactly(specs.subList(0, 6));
    assertThat(QueueFiles.fileOfEntry(queueDir(), 4, PER_FILE)).hasSize(PER_FILE * ENTRY_LENGTH);
  }

  @Test
  void shouldDeleteAFileThatIsLeftWithoutEntries() {
    List<EntrySpec> specs = written(9);
    QueueFiles.truncate(QueueFiles.fileOfEntry(queueDir(), 4, PER_FILE), 0);

    assertKeepsExactly(specs.subList(0, 4));
    assertThat(QueueFiles.names(queueDir())).containsExactly("00000000000000000000");
  }

  @Test
  void shouldDeleteJunkFilesThatDoNotContinueTheQueue() throws IOException {
    List<EntrySpec> specs = written(6);
    Path dir = queueDir();
    Files.write(dir.resolve(ConsumeQueueDescriptor.fileName(3 * 160)), new byte[160]);
    Files.write(dir.resolve(ConsumeQueueDescriptor.fileName(999)), new byte[160]);

    assertKeepsExactly(specs);
    assertThat(QueueFiles.names(dir))
        .containsExactly("00000000000000000000", "00000000000000000160");
  }

  @Test
  void shouldDropAGarbageFileAfterAFullOne() throws IOException {
    List<EntrySpec> specs = written(8);
    byte[] garbage = new byte[160];
    new Random(42).nextBytes(garbage);
    ByteBuffer.wrap(garbage).putInt(SIZE_OFFSET, -5);
    Files.write(queueDir().resolve(ConsumeQueueDescriptor.fileName(2 * 160)), garbage);

    assertKeepsExactly(specs);
    assertThat(QueueFiles.names(queueDir()))
        .containsExactly("00000000000000000000", "00000000000000000160");
  }

  @Test
  void shouldLeaveForeignFilesAlone() throws IOException {
    List<EntrySpec> specs = written(3);
    Files.write(queueDir().resolve("notes.txt"), new byte[] {1, 2, 3});

    assertKeepsExactly(specs);
    assertThat(queueDir().resolve("notes.txt")).exists();
  }

  @Test
  void shouldRefuseFilesWrittenWithADifferentEntriesPerFile() {
    written(9);

    assertThatThrownBy(() -> ConsumeQueue.open(queueDir(), "t", 0, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("160 bytes")
        .hasMessageContaining("entriesPerFile 2");
    assertThatThrownBy(() -> ConsumeQueue.open(queueDir(), "t", 0, 8))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("entriesPerFile 8");
    assertThat(QueueFiles.names(queueDir())).hasSize(3);
  }

  @Test
  void shouldRecoverAQueueWhoseHeadFilesWereDeleted() {
    List<EntrySpec> specs = written(10);
    try (ConsumeQueue queue = open()) {
      queue.deleteFilesBelow(specs.get(3).commitLogEnd());
    }
    QueueFiles.zeroEntryBytes(queueDir(), 9, PER_FILE, 32, 8);

    try (ConsumeQueue queue = open()) {
      assertThat(queue.firstEntryNumber()).isEqualTo(4);
      assertThat(queue.minOffset()).isEqualTo(specs.get(4).baseLogicalOffset());
      assertThat(EntrySpec.readAll(queue)).isEqualTo(specs.subList(4, 9));
    }
  }
}
