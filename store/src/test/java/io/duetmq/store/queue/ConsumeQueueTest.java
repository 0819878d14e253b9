package io.duetmq.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueTest {

  @TempDir Path root;

  private Path queueDir() {
    return root.resolve("orders").resolve("3");
  }

  private ConsumeQueue open(int entriesPerFile) {
    return ConsumeQueue.open(queueDir(), "orders", 3, entriesPerFile);
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(queueDir())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void shouldStartEmpty() {
    try (ConsumeQueue queue = open(4)) {
      assertThat(queue.entryCount()).isZero();
      assertThat(queue.minOffset()).isZero();
      assertThat(queue.maxOffset()).isZero();
      assertThat(queue.lastCommitLogEnd()).isZero();
      assertThat(queue.firstEntryNumber()).isZero();
      assertThat(queue.entryNumberOf(0)).isEqualTo(-1);
      assertThat(queue.offsetForTimestamp(0)).isZero();
      assertThat(queue.read(0, new ConsumeQueueEntry())).isFalse();
      assertThat(Files.exists(queueDir())).isFalse();
    }
  }

  @Test
  void shouldReadBackAppendedEntriesIncludingMultiRecordOnes() {
    List<EntrySpec> specs = EntrySpec.generate(new Random(1), 50, 0, 5);
    try (ConsumeQueue queue = open(16)) {
      EntrySpec.appendAll(queue, specs);

      assertThat(EntrySpec.readAll(queue)).isEqualTo(specs);
      EntrySpec last = specs.get(specs.size() - 1);
      assertThat(queue.entryCount()).isEqualTo(50);
      assertThat(queue.minOffset()).isZero();
      assertThat(queue.maxOffset()).isEqualTo(last.nextLogicalOffset());
      assertThat(queue.lastCommitLogEnd()).isEqualTo(last.commitLogEnd());
      assertThat(queue.read(50, new ConsumeQueueEntry())).isFalse();
      assertThat(queue.read(-1, new ConsumeQueueEntry())).isFalse();
    }
  }

  @Test
  void shouldWriteEntriesBigEndianAtTheirSlot() throws IOException {
    try (ConsumeQueue queue = open(4)) {
      queue.append(0x0102030405060708L, 0x11121314, 0x2122232425262728L, 0x31, 0x41, 0x51);
      queue.append(0x0102030405060709L, 7, 0, 0x32, 0x92, 2);
    }
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(queueDir().resolve(fileNames().get(0))));

    assertThat(bytes.capacity()).isEqualTo(4 * ConsumeQueueDescriptor.ENTRY_LENGTH);
    assertThat(bytes.get(0)).isEqualTo((byte) 0x01);
    assertThat(bytes.getLong(0)).isEqualTo(0x0102030405060708L);
    assertThat(bytes.getInt(8)).isEqualTo(0x11121314);
    assertThat(bytes.getLong(12)).isEqualTo(0x2122232425262728L);
    assertThat(bytes.getLong(20)).isEqualTo(0x31);
    assertThat(bytes.getLong(28)).isEqualTo(0x41);
    assertThat(bytes.getInt(36)).isEqualTo(0x51);
    assertThat(bytes.getLong(40 + 28)).isEqualTo(0x92);
    assertThat(bytes.getInt(40 + 36)).isEqualTo(2);
    assertThat(bytes.getLong(80)).isZero();
  }

  @Test
  void shouldFindTheEntryHoldingAnOffsetInsideAMultiRecordEntry() {
    try (ConsumeQueue queue = open(4)) {
      // bases 10 (x1), 11 (x5), 16 (x1), 17 (x3)
      queue.append(100, 10, 0, 1, 10, 1);
      queue.append(200, 10, 0, 2, 11, 5);
      queue.append(300, 10, 0, 3, 16, 1);
      queue.append(400, 10, 0, 4, 17, 3);

      assertThat(queue.entryNumberOf(10)).isZero();
      for (long offset = 11; offset < 16; offset++) {
        assertThat(queue.entryNumberOf(offset)).as("offset %d", offset).isEqualTo(1);
      }
      assertThat(queue.entryNumberOf(16)).isEqualTo(2);
      assertThat(queue.entryNumberOf(17)).isEqualTo(3);
      assertThat(queue.entryNumberOf(19)).isEqualTo(3);
      assertThat(queue.entryNumberOf(20)).isEqualTo(-1);
      assertThat(queue.entryNumberOf(9)).isEqualTo(-1);
    }
  }

  @Test
  void shouldFindEveryOffsetOfRandomBatchesAcrossFiles() {
    List<EntrySpec> specs = EntrySpec.generate(new Random(7), 200, 1000, 8);
    try (ConsumeQueue queue = open(7)) {
      EntrySpec.appendAll(queue, specs);
      ConsumeQueueEntry entry = new ConsumeQueueEntry();
      for (int n = 0; n < specs.size(); n++) {
        EntrySpec spec = specs.get(n);
        for (long offset = spec.baseLogicalOffset(); offset < spec.nextLogicalOffset(); offset++) {
          long entryNumber = queue.entryNumberOf(offset);
          assertThat(entryNumber).as("offset %d", offset).isEqualTo(n);
          assertThat(queue.read(entryNumber, entry)).isTrue();
          assertThat(entry.contains(offset)).isTrue();
        }
      }
    }
  }

  @Test
  void shouldHitSingleRecordEntriesDirectlyFromTheirOffset() {
    try (ConsumeQueue queue = open(5)) {
      EntrySpec.appendAll(queue, EntrySpec.singleRecords(23, 500));

      for (long offset = 500; offset < 523; offset++) {
        assertThat(queue.entryNumberOf(offset)).isEqualTo(offset - 500);
      }
      assertThat(queue.minOffset()).isEqualTo(500);
      assertThat(queue.maxOffset()).isEqualTo(523);
    }
  }

  @Test
  void shouldMapAnOffsetInAGapToTheFirstEntryAfterIt() {
    try (ConsumeQueue queue = open(4)) {
      queue.append(100, 10, 0, 1, 0, 2);
      assertThat(queue.append(200, 10, 0, 2, 10, 1)).isTrue();
      queue.append(300, 10, 0, 3, 11, 1);

      assertThat(queue.entryNumberOf(1)).isZero();
      assertThat(queue.entryNumberOf(2)).isEqualTo(1);
      assertThat(queue.entryNumberOf(9)).isEqualTo(1);
      assertThat(queue.entryNumberOf(10)).isEqualTo(1);
      assertThat(queue.entryNumberOf(11)).isEqualTo(2);
      assertThat(queue.maxOffset()).isEqualTo(12);
    }
  }

  @Test
  void shouldLookUpOffsetsByStoreTimestamp() {
    try (ConsumeQueue queue = open(3)) {
      // timestamps 1000, 1010, 1010, 1020, 1030 with bases 0, 2, 3, 4, 7
      queue.append(100, 10, 0, 1000, 0, 2);
      queue.append(200, 10, 0, 1010, 2, 1);
      queue.append(300, 10, 0, 1010, 3, 1);
      queue.append(400, 10, 0, 1020, 4, 3);
      queue.append(500, 10, 0, 1030, 7, 1);

      assertThat(queue.offsetForTimestamp(1020)).as("exact").isEqualTo(4);
      assertThat(queue.offsetForTimestamp(1010)).as("first of equal timestamps").isEqualTo(2);
      assertThat(queue.offsetForTimestamp(1015)).as("between").isEqualTo(4);
      assertThat(queue.offsetForTimestamp(5)).as("before first").isZero();
      assertThat(queue.offsetForTimestamp(1000)).as("first").isZero();
      assertThat(queue.offsetForTimestamp(1031)).as("after last").isEqualTo(8);
      assertThat(queue.offsetForTimestamp(1031)).isEqualTo(queue.maxOffset());
    }
  }

  @Test
  void shouldRollOverFilesAndReopenWithIdenticalState() throws IOException {
    List<EntrySpec> specs = EntrySpec.generate(new Random(3), 30, 0, 4);
    long maxOffset;
    try (ConsumeQueue queue = open(4)) {
      EntrySpec.appendAll(queue, specs);
      maxOffset = queue.maxOffset();
    }
    assertThat(fileNames())
        .containsExactly(
            "00000000000000000000",
            "00000000000000000160",
            "00000000000000000320",
            "00000000000000000480",
            "00000000000000000640",
            "00000000000000000800",
            "00000000000000000960",
            "00000000000000001120");

    try (ConsumeQueue reopened = open(4)) {
      assertThat(EntrySpec.readAll(reopened)).isEqualTo(specs);
      assertThat(reopened.entryCount()).isEqualTo(30);
      assertThat(reopened.endEntryNumber()).isEqualTo(30);
      assertThat(reopened.minOffset()).isZero();
      assertThat(reopened.maxOffset()).isEqualTo(maxOffset);
      assertThat(reopened.lastCommitLogEnd()).isEqualTo(specs.get(29).commitLogEnd());

      EntrySpec next =
          new EntrySpec(specs.get(29).commitLogEnd() + 1, 9, 0, Long.MAX_VALUE, maxOffset, 2);
      assertThat(next.appendTo(reopened)).isTrue();
      assertThat(reopened.entryNumberOf(maxOffset + 1)).isEqualTo(30);
    }
  }

  @Test
  void shouldIgnoreDuplicateAppendsAfterReopen() {
    List<EntrySpec> specs = EntrySpec.generate(new Random(5), 10, 0, 3);
    try (ConsumeQueue queue = open(4)) {
      EntrySpec.appendAll(queue, specs);
    }
    try (ConsumeQueue queue = open(4)) {
      for (EntrySpec spec : specs) {
        assertThat(spec.appendTo(queue)).as("replay %s", spec).isFalse();
      }
      assertThat(EntrySpec.readAll(queue)).isEqualTo(specs);
    }
  }

  @Test
  void shouldAcceptAGapAndKeepItAcrossReopen() {
    try (ConsumeQueue queue = open(4)) {
      queue.append(100, 10, 0, 1, 0, 1);
      assertThat(queue.append(200, 10, 0, 2, 5, 1)).isTrue();
      assertThat(queue.maxOffset()).isEqualTo(6);
    }
    try (ConsumeQueue queue = open(4)) {
      assertThat(queue.entryCount()).isEqualTo(2);
      assertThat(queue.maxOffset()).isEqualTo(6);
    }
  }

  @Test
  void shouldStartAnEmptyQueueAtAnyBaseOffset() {
    try (ConsumeQueue queue = open(4)) {
      assertThat(queue.append(7_000, 10, 0, 1, 1_000_000, 3)).isTrue();

      assertThat(queue.firstEntryNumber()).isZero();
      assertThat(queue.minOffset()).isEqualTo(1_000_000);
      assertThat(queue.maxOffset()).isEqualTo(1_000_003);
      assertThat(queue.entryNumberOf(1_000_002)).isZero();
    }
  }

  @Test
  void shouldRejectBadValuesWithTheOffendingValueInTheMessage() {
    try (ConsumeQueue queue = open(4)) {
      queue.append(100, 10, 0, 1, 0, 1);

      assertThatThrownBy(() -> queue.append(200, 0, 0, 1, 1, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("size 0");
      assertThatThrownBy(() -> queue.append(200, 10, 0, 1, 1, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("records 0");
      assertThatThrownBy(() -> queue.append(100, 10, 0, 1, 1, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("commitLogOffset 100");
      assertThat(queue.entryCount()).isEqualTo(1);
    }
  }

  @Test
  void shouldTruncateFromACommitLogOffsetInsideAFile() throws IOException {
    List<EntrySpec> specs = EntrySpec.generate(new Random(11), 14, 0, 3);
    try (ConsumeQueue queue = open(4)) {
      EntrySpec.appendAll(queue, specs);

      queue.truncateFrom(specs.get(6).commitLogOffset() - 1);

      assertThat(queue.entryCount()).isEqualTo(6);
      assertThat(queue.maxOffset()).isEqualTo(specs.get(5).nextLogicalOffset());
      assertThat(queue.lastCommitLogEnd()).isEqualTo(specs.get(5).commitLogEnd());
      assertThat(queue.entryNumberOf(specs.get(6).baseLogicalOffset())).isEqualTo(-1);
      assertThat(fileNames()).containsExactly("00000000000000000000", "00000000000000000160");
      EntrySpec.appendAll(queue, specs.subList(6, 14));
      assertThat(EntrySpec.readAll(queue)).isEqualTo(specs);
    }
    try (ConsumeQueue queue = open(4)) {
      assertThat(EntrySpec.readAll(queue)).isEqualTo(specs);
    }
  }

  @Test
  void shouldTruncateAtAFileBoundaryAndKeepTheTruncationAcrossReopen() throws IOException {
    List<EntrySpec> specs = EntrySpec.generate(new Random(12), 10, 0, 2);
    try (ConsumeQueue queue = open(4)) {
      EntrySpec.appendAll(queue, specs);
      queue.truncateFrom(specs.get(8).commitLogOffset());
      queue.truncateFrom(specs.get(9).commitLogOffset());
      assertThat(queue.entryCount()).isEqualTo(8);
    }
    assertThat(fileNames()).containsExactly("00000000000000000000", "00000000000000000160");
    try (ConsumeQueue queue = open(4)) {
      assertThat(EntrySpec.readAll(queue)).isEqualTo(specs.subList(0, 8));
      assertThat(queue.maxOffset()).isEqualTo(specs.get(7).nextLogicalOffset());
    }
  }

  @Test
  void shouldTruncateEverythingAndStayUsable() {
    List<EntrySpec> specs = EntrySpec.generate(new Random(13), 6, 40, 2);
    try (ConsumeQueue queue = open(4)) {
      EntrySpec.appendAll(queue, specs);

      queue.truncateFrom(0);

      assertThat(queue.entryCount()).isZero();
      assertThat(queue.lastCommitLogEnd()).isZero();
      assertThat(queue.minOffset()).isEqualTo(40);
      assertThat(queue.maxOffset()).isEqualTo(40);
      assertThat(Files.exists(queueDir().resolve("00000000000000000000"))).isFalse();
      EntrySpec.appendAll(queue, specs);
      assertThat(EntrySpec.readAll(queue)).isEqualTo(specs);
    }
  }

  @Test
  void shouldDeleteHeadFilesBelowACommitLogOffsetButNeverTheActiveFile() throws IOException {
    List<EntrySpec> specs = EntrySpec.generate(new Random(17), 10, 0, 3);
    try (ConsumeQueue queue = open(4)) {
      EntrySpec.appendAll(queue, specs);

      assertThat(queue.deleteFilesBelow(specs.get(3).commitLogEnd() - 1)).isZero();
      assertThat(queue.deleteFilesBelow(specs.get(3).commitLogEnd())).isEqualTo(1);
      assertThat(queue.firstEntryNumber()).isEqualTo(4);
      assertThat(queue.minOffset()).isEqualTo(specs.get(4).baseLogicalOffset());
      assertThat(queue.entryNumberOf(specs.get(3).baseLogicalOffset())).isEqualTo(-1);
      assertThat(queue.read(3, new ConsumeQueueEntry())).isFalse();

      assertThat(queue.deleteFilesBelow(Long.MAX_VALUE)).isEqualTo(1);
      assertThat(queue.deleteFilesBelow(Long.MAX_VALUE)).isZero();
      assertThat(fileNames()).containsExactly("00000000000000000320");
      assertThat(queue.firstEntryNumber()).isEqualTo(8);
      assertThat(queue.entryCount()).isEqualTo(2);
      assertThat(queue.entryNumberOf(specs.get(9).baseLogicalOffset())).isEqualTo(9);
    }
  }

  @Test
  void shouldKeepEntryNumbersAfterRetentionAcrossReopen() {
    List<EntrySpec> specs = EntrySpec.generate(new Random(19), 13, 0, 3);
    try (ConsumeQueue queue = open(4)) {
      EntrySpec.appendAll(queue, specs);
      assertThat(queue.deleteFilesBelow(specs.get(8).commitLogEnd())).isEqualTo(2);
    }
    try (ConsumeQueue queue = open(4)) {
      assertThat(queue.firstEntryNumber()).isEqualTo(8);
      assertThat(queue.endEntryNumber()).isEqualTo(13);
      assertThat(queue.minOffset()).isEqualTo(specs.get(8).baseLogicalOffset());
      assertThat(EntrySpec.readAll(queue)).isEqualTo(specs.subList(8, 13));
      assertThat(queue.entryNumberOf(specs.get(12).baseLogicalOffset())).isEqualTo(12);
    }
  }

  @Test
  void shouldKeepFlushedEntriesReadableAndFlushOnlyWhatIsNew() {
    List<EntrySpec> specs = EntrySpec.generate(new Random(23), 9, 0, 2);
    try (ConsumeQueue queue = open(4)) {
      EntrySpec.appendAll(queue, specs.subList(0, 5));
      queue.flush();
      EntrySpec.appendAll(queue, specs.subList(5, 9));
      queue.flush();
      queue.flush();

      assertThat(EntrySpec.readAll(queue)).isEqualTo(specs);
    }
  }

  @Test
  void shouldRefuseAppendsAndFindNothingAfterClose() {
    ConsumeQueue queue = open(4);
    queue.append(100, 10, 0, 1, 0, 1);
    queue.close();

    assertThat(queue.read(0, new ConsumeQueueEntry())).isFalse();
    assertThat(queue.entryNumberOf(0)).isEqualTo(-1);
    assertThatThrownBy(() -> queue.append(200, 10, 0, 1, 1, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("orders-3");
    assertThat(queue.deleteFilesBelow(Long.MAX_VALUE)).isZero();
  }

  @Test
  void shouldReadEntriesOfAStoreTimestampRangeInOrder() {
    List<EntrySpec> specs = EntrySpec.singleRecords(12, 0);
    try (ConsumeQueue queue = open(5)) {
      EntrySpec.appendAll(queue, specs);
      List<Long> offsets = new ArrayList<>();
      ConsumeQueueEntry entry = new ConsumeQueueEntry();
      long n = queue.entryNumberOf(queue.offsetForTimestamp(1045));
      while (queue.read(n++, entry) && entry.storeTimestamp() <= 1080) {
        offsets.add(entry.baseLogicalOffset());
      }
      assertThat(offsets).containsExactly(5L, 6L, 7L, 8L);
    }
  }
}
