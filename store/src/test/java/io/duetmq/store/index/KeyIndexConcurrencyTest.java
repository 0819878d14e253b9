package io.duetmq.store.index;

import static io.duetmq.store.index.KeyIndexTest.CLOCK;
import static io.duetmq.store.index.KeyIndexTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class KeyIndexConcurrencyTest {

  private static final int RECORDS = 100_000;
  private static final int KEYS = 300;
  private static final long OFFSET_STEP = 10;

  @TempDir Path dir;

  /**
   * Record r lives at offset 10 * r and carries key k(r); every 10th record also carries
   * "T#common".
   */
  private static int keyOf(long offset) {
    return (int) ((offset / OFFSET_STEP) * 7919 % KEYS);
  }

  private static String key(int k) {
    return "T#key-" + k;
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void shouldOnlyAnswerPublishedMatchesWhileOneWriterPutsAndRollsFiles()
      throws InterruptedException {
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicLong queries = new AtomicLong();
    AtomicLong nonEmpty = new AtomicLong();
    AtomicBoolean writerDone = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    try (KeyIndex index = KeyIndex.open(dir, new IndexConfig(16, 256), CLOCK)) {
      Thread writer =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (long r = 0; r < RECORDS; r++) {
                    long offset = r * OFFSET_STEP;
                    index.put(key(keyOf(offset)), offset, T0 + r);
                    if (r % 10 == 0) {
                      index.put("T#common", offset, T0 + r);
                    }
                  }
                } catch (Throwable t) {
                  failures.add("writer: " + t);
                } finally {
                  writerDone.set(true);
                }
              },
              "index-writer");
      Thread[] readers = new Thread[2];
      for (int i = 0; i < readers.length; i++) {
        long seed = i;
        readers[i] =
            new Thread(
                () -> readUntilDone(index, seed, start, writerDone, failures, queries, nonEmpty),
                "index-reader-" + i);
      }
      writer.start();
      for (Thread reader : readers) {
        reader.start();
      }
      start.countDown();
      writer.join();
      for (Thread reader : readers) {
        reader.join();
      }

      assertThat(failures).isEmpty();
      assertThat(queries.get()).isPositive();
      assertThat(nonEmpty.get()).isPositive();
      assertThat(index.fileCount()).isEqualTo((RECORDS + RECORDS / 10 + 254) / 255);
      assertThat(index.endCommitLogOffset()).isEqualTo((RECORDS - 1) * OFFSET_STEP);
      List<Long> all = index.query(key(0), RECORDS, 0, Long.MAX_VALUE);
      assertThat(all.stream().filter(o -> keyOf(o) == 0)).hasSize(RECORDS / KEYS + 1);
    }
  }

  private static void readUntilDone(
      KeyIndex index,
      long seed,
      CountDownLatch start,
      AtomicBoolean writerDone,
      Queue<String> failures,
      AtomicLong queries,
      AtomicLong nonEmpty) {
    SplittableRandom random = new SplittableRandom(seed);
    try {
      start.await();
      while (!writerDone.get()) {
        boolean common = random.nextInt(10) == 0;
        String queried = common ? "T#common" : key(random.nextInt(KEYS));
        List<Long> result = index.query(queried, 32, 0, Long.MAX_VALUE);
        queries.incrementAndGet();
        if (!result.isEmpty()) {
          nonEmpty.incrementAndGet();
        }
        String problem = check(queried, result);
        if (problem != null) {
          failures.add(problem);
          return;
        }
      }
    } catch (Throwable t) {
      failures.add("reader: " + t);
    }
  }

  /**
   * Every offset must be a record carrying the key or a key of equal hash; offsets strictly
   * descend.
   */
  private static String check(String queried, List<Long> result) {
    int hash = IndexFileDescriptor.keyHash(queried);
    long previous = Long.MAX_VALUE;
    for (long offset : result) {
      if (offset >= previous || offset % OFFSET_STEP != 0 || offset >= RECORDS * OFFSET_STEP) {
        return queried + ": bad order or offset " + offset + " in " + result;
      }
      boolean carries =
          IndexFileDescriptor.keyHash(key(keyOf(offset))) == hash
              || (offset / OFFSET_STEP % 10 == 0
                  && IndexFileDescriptor.keyHash("T#common") == hash);
      if (!carries) {
        return queried + ": offset " + offset + " carries no key of that hash, in " + result;
      }
      previous = offset;
    }
    return null;
  }
}
