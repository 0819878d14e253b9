package io.duetmq.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The values of one consume-queue entry, as a test model. */
record EntrySpec(
    long commitLogOffset,
    int size,
    long tagsCode,
    long storeTimestamp,
    long baseLogicalOffset,
    int records) {

  long nextLogicalOffset() {
    return baseLogicalOffset + records;
  }

  long commitLogEnd() {
    return commitLogOffset + size;
  }

  /** {@code count} valid consecutive entries: 1 to maxRecords records each, no gaps. */
  static List<EntrySpec> generate(Random random, int count, long firstBase, int maxRecords) {
    List<EntrySpec> specs = new ArrayList<>(count);
    long commitLogOffset = 1 + random.nextInt(1000);
    long timestamp = 1_700_000_000_000L;
    long base = firstBase;
    for (int i = 0; i < count; i++) {
      int size = 1 + random.nextInt(500);
      int records = 1 + random.nextInt(maxRecords);
      specs.add(new EntrySpec(commitLogOffset, size, random.nextLong(), timestamp, base, records));
      commitLogOffset += size + random.nextInt(3) * 100L;
      timestamp += random.nextInt(3);
      base += records;
    }
    return specs;
  }

  /** Single-record entries with base offsets from {@code firstBase}, timestamps 1000, 1010, ... */
  static List<EntrySpec> singleRecords(int count, long firstBase) {
    List<EntrySpec> specs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      specs.add(new EntrySpec(100L * (i + 1), 100, i, 1000 + 10L * i, firstBase + i, 1));
    }
    return specs;
  }

  boolean appendTo(ConsumeQueue queue) {
    return queue.append(
        commitLogOffset, size, tagsCode, storeTimestamp, baseLogicalOffset, records);
  }

  static void appendAll(ConsumeQueue queue, List<EntrySpec> specs) {
    for (EntrySpec spec : specs) {
      assertThat(spec.appendTo(queue)).as("append %s", spec).isTrue();
    }
  }

  static EntrySpec of(ConsumeQueueEntry entry) {
    return new EntrySpec(
        entry.commitLogOffset(),
        entry.size(),
        entry.tagsCode(),
        entry.storeTimestamp(),
        entry.baseLogicalOffset(),
        entry.records());
  }

  /** Every retained entry of {@code queue}, in order. */
  static List<EntrySpec> readAll(ConsumeQueue queue) {
    List<EntrySpec> specs = new ArrayList<>();
    ConsumeQueueEntry entry = new ConsumeQueueEntry();
    for (long n = queue.firstEntryNumber(); n < queue.endEntryNumber(); n++) {
      assertThat(queue.read(n, entry)).as("read entry %d", n).isTrue();
      assertThat(entry.entryNumber()).isEqualTo(n);
      specs.add(of(entry));
    }
    return specs;
  }
}
