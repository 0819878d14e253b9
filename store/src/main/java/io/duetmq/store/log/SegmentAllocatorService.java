package io.duetmq.store.log;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Creates and maps the next commit-log segment ahead of time on its own thread, so that the writer
 * rolling over to a new segment finds it ready instead of waiting for file creation and mapping.
 */
public final class SegmentAllocatorService implements AutoCloseable {
  private static final System.Logger LOG =
      System.getLogger(SegmentAllocatorService.class.getName());

  private final Path dir;
  private final int segmentSize;
  private final ExecutorService executor;
  private final ConcurrentHashMap<Long, CompletableFuture<MappedSegment>> pending =
      new ConcurrentHashMap<>();

  public SegmentAllocatorService(Path dir, int segmentSize) {
    this.dir = dir;
    this.segmentSize = segmentSize;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "duetmq-segment-allocator");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts creating the segment that begins at {@code startOffset}, unless that is already under
   * way.
   */
  public void prepare(long startOffset) {
    pending.computeIfAbsent(
        startOffset,
        offset ->
            CompletableFuture.supplyAsync(
                () -> MappedSegment.open(dir, offset, segmentSize), executor));
  }

  /** Returns the segment starting at {@code startOffset}, created ahead of time when possible. */
  public MappedSegment take(long startOffset) {
    CompletableFuture<MappedSegment> future = pending.remove(startOffset);
    if (future == null) {
      LOG.log(Level.DEBUG, "segment {0} was not prepared; creating it now", startOffset);
      return MappedSegment.open(dir, startOffset, segmentSize);
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for segment " + startOffset, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create segment " + startOffset, e.getCause());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
