package io.duetmq.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One dispatcher thread appends while reader threads tail the queue and look offsets up; every
 * entry a reader can see must be complete. Entry n's values are a function of n, except its base,
 * which is the running sum of the records before it.
 */
@Timeout(60)
class ConsumeQueueConcurrencyTest {

  private static final int PER_FILE = 1_000;

  @TempDir Path root;

  private ExecutorService pool;
  private ConsumeQueue queue;
  private final AtomicBoolean writerDone = new AtomicBoolean();

  @BeforeEach
  void setUp() {
    pool = Executors.newFixedThreadPool(4);
    queue = ConsumeQueue.open(root.resolve("t").resolve("0"), "t", 0, PER_FILE);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    queue.close();
  }

  private static long commitLogOffsetOf(long n) {
    return 1 + n * 128;
  }

  private static int sizeOf(long n) {
    return 1 + (int) (n % 127);
  }

  private static long tagsCodeOf(long n) {
    return n * 0x9E3779B97F4A7C15L;
  }

  private static long timestampOf(long n) {
    return 1_000_000 + n / 3;
  }

  private static int recordsOf(long n) {
    return 1 + (int) (n % 4);
  }

  @Test
  void shouldNeverShowReadersAHalfWrittenEntry() throws Exception {
    int appends = 200_000;
    Future<Long> writer = pool.submit(() -> write(appends));
    Future<Long> tailer = pool.submit(() -> tail(appends));
    Future<Long> lookups = pool.submit(this::lookUp);

    long maxOffset = writer.get();
    assertThat(tailer.get()).isEqualTo(appends);
    assertThat(lookups.get()).isPositive();
    assertThat(queue.maxOffset()).isEqualTo(maxOffset);
    assertThat(queue.entryCount()).isEqualTo(appends);
  }

  @Test
  void shouldKeepLookupsConsistentWhileRetentionDeletesHeadFiles() throws Exception {
    int appends = 100_000;
    Future<Long> writer = pool.submit(() -> write(appends));
    Future<Long> retention = pool.submit(this::retain);
    Future<Long> lookups = pool.submit(this::lookUp);

    writer.get();
    assertThat(retention.get()).isPositive();
    assertThat(lookups.get()).isPositive();
    assertThat(queue.firstEntryNumber() % PER_FILE).isZero();
    assertThat(queue.endEntryNumber()).isEqualTo(appends);
  }

  private long write(int appends) {
    try {
      long base = 0;
      for (long n = 0; n < appends; n++) {
        queue.append(
            commitLogOffsetOf(n), sizeOf(n), tagsCodeOf(n), timestampOf(n), base, recordsOf(n));
        base += recordsOf(n);
      }
      return base;
    } finally {
      writerDone.set(true);
    }
  }

  /** Reads every entry in order as soon as it is published. */
  private long tail(int appends) {
    ConsumeQueueEntry entry = new ConsumeQueueEntry();
    long n = 0;
    long expectedBase = 0;
    while (n < appends) {
      if (n >= queue.endEntryNumber()) {
        if (writerDone.get() && n >= queue.endEntryNumber()) {
          break;
        }
        Thread.onSpinWait();
        continue;
      }
      if (!queue.read(n, entry)) {
        throw new AssertionError("entry " + n + " below the end is not readable");
      }
      check(entry, n);
      if (entry.baseLogicalOffset() != expectedBase) {
        throw new AssertionError("expected base " + expectedBase + " in " + entry);
      }
      expectedBase += entry.records();
      n++;
    }
    return n;
  }

  /** Looks up random offsets, half of them the newest one, until the writer is done. */
  private long lookUp() {
    ConsumeQueueEntry entry = new ConsumeQueueEntry();
    Random random = new Random(99);
    long lookups = 0;
    while (!writerDone.get()) {
      long max = queue.maxOffset();
      long min = queue.minOffset();
      if (max <= min) {
        Thread.onSpinWait();
        continue;
      }
      long offset = lookups % 2 == 0 ? max - 1 : min + random.nextLong(max - min);
      long n = queue.entryNumberOf(offset);
      if (n < 0 || !queue.read(n, entry)) {
        if (offset < queue.minOffset()) {
          continue; // retention overtook this lookup
        }
        throw new AssertionError("offset " + offset + " below max " + max + " not found: " + n);
      }
      check(entry, n);
      if (!entry.contains(offset)) {
        throw new AssertionError("entry " + entry + " does not hold offset " + offset);
      }
      long byTime = queue.offsetForTimestamp(entry.storeTimestamp());
      if (byTime > entry.baseLogicalOffset() && entry.baseLogicalOffset() >= queue.minOffset()) {
        throw new AssertionError("timestamp lookup " + byTime + " is after " + entry);
      }
      lookups++;
    }
    return lookups;
  }

  /** Keeps about three files of entries, like commit-log retention chasing the writer. */
  private long retain() {
    long deleted = 0;
    while (!writerDone.get()) {
      long keepFrom = queue.endEntryNumber() - 3L * PER_FILE;
      if (keepFrom > 0) {
        deleted += queue.deleteFilesBelow(commitLogOffsetOf(keepFrom));
        queue.flush();
      } else {
        Thread.onSpinWait();
      }
    }
    return deleted;
  }

  private static void check(ConsumeQueueEntry entry, long n) {
    if (entry.entryNumber() != n
        || entry.commitLogOffset() != commitLogOffsetOf(n)
        || entry.size() != sizeOf(n)
        || entry.tagsCode() != tagsCodeOf(n)
        || entry.storeTimestamp() != timestampOf(n)
        || entry.records() != recordsOf(n)) {
      throw new AssertionError("entry " + n + " is inconsistent: " + entry);
    }
  }
}
