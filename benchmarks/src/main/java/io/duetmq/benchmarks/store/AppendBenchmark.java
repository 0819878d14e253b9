package io.duetmq.benchmarks.store;

import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendResult;
import io.duetmq.store.AppendStatus;
import io.duetmq.store.FlushDiskType;
import io.duetmq.store.MessageStore;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * Commit-log append throughput: records per second through {@link MessageStore#append}, for 100 B
 * and 1 KiB bodies, ASYNC_FLUSH and SYNC_FLUSH (group commit), from 1 and from 8 appending threads.
 * Each thread keeps a window of {@value #WINDOW} appends in flight, as a protocol head with many
 * connections would. Multiply ops/s by the body size for MB/s. The store lives in a fresh directory
 * under {@code java.io.tmpdir} (set {@code -Djava.io.tmpdir} to measure another disk).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AppendBenchmark {
  static final int WINDOW = 64;

  @Param({"100", "1024"})
  int bodySize;

  @Param({"ASYNC_FLUSH", "SYNC_FLUSH"})
  FlushDiskType flushDiskType;

  private Path dir;
  private MessageStore store;
  private AppendRequest[] requests;

  @Setup(Level.Trial)
  public void open() throws Exception {
    dir = BenchmarkFiles.newTempDir("duetmq-append");
    store =
        MessageStore.open(
            StoreConfig.defaults(dir).withFlushDiskType(flushDiskType), Clock.systemUTC());
    requests = new AppendRequest[8];
    for (int q = 0; q < requests.length; q++) {
      requests[q] =
          AppendRequest.builder("bench", q, ByteBuffer.allocate(bodySize))
              .properties("KEYS\u0001k\u0002")
              .build();
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    store.close();
    BenchmarkFiles.deleteRecursively(dir);
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(WINDOW)
  public AppendResult oneThread() {
    return appendWindow(0);
  }

  @Benchmark
  @Threads(8)
  @OperationsPerInvocation(WINDOW)
  public AppendResult eightThreads() {
    return appendWindow((int) (Thread.currentThread().getId() & 7));
  }

  private AppendResult appendWindow(int queue) {
    @SuppressWarnings("unchecked") // a generic array of futures, never exposed
    CompletableFuture<AppendResult>[] window = new CompletableFuture[WINDOW];
    for (int i = 0; i < WINDOW; i++) {
      window[i] = store.append(requests[queue]);
    }
    AppendResult last = null;
    for (CompletableFuture<AppendResult> future : window) {
      last = future.join();
      if (last.status() != AppendStatus.PUT_OK) {
        throw new IllegalStateException("append failed: " + last.status());
      }
    }
    return last;
  }
}
