package io.duetmq.benchmarks.store;

import io.duetmq.store.AppendRequest;
import io.duetmq.store.MessageStore;
import io.duetmq.store.QueueEntryFilter;
import io.duetmq.store.QueueReadResult;
import io.duetmq.store.StoreConfig;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Queue read throughput: records per second returned by {@link MessageStore#read} as zero-copy
 * slices, reading a prefilled queue front to back {@value #BATCH} records at a time (a RocketMQ
 * pull's default batch) and wrapping around. The data is in the page cache, as it is for consumers
 * that keep up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReadBenchmark {
  static final int BATCH = 32;
  static final int RECORDS = 200_000;

  @Param({"100", "1024"})
  int bodySize;

  private Path dir;
  private MessageStore store;
  private long next;

  @Setup(Level.Trial)
  public void fill() throws Exception {
    dir = BenchmarkFiles.newTempDir("duetmq-read");
    store = MessageStore.open(StoreConfig.defaults(dir), Clock.systemUTC());
    AppendRequest request =
        AppendRequest.builder("bench", 0, ByteBuffer.allocate(bodySize)).build();
    CompletableFuture<?> last = null;
    for (int i = 0; i < RECORDS; i++) {
      last = store.append(request);
    }
    last.get(1, TimeUnit.MINUTES);
    while (store.dispatchedOffset() < store.commitLogMaxOffset()) {
      Thread.onSpinWait();
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    store.close();
    BenchmarkFiles.deleteRecursively(dir);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public QueueReadResult readBatch() {
    QueueReadResult result = store.read("bench", 0, next, 1 << 20, BATCH, QueueEntryFilter.ALL);
    next = result.nextBeginOffset() >= RECORDS ? 0 : result.nextBeginOffset();
    return result;
  }
}
