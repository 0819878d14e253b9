package io.duetmq.store.log;

import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendResult;
import io.duetmq.store.AppendStatus;
import java.util.concurrent.CompletableFuture;

/**
 * An append on its way through the writer and, for SYNC_FLUSH, the group commit. Created on the
 * caller's thread, filled in by the writer thread, completed exactly once by whichever stage
 * finishes it.
 */
public final class PendingAppend {
  private final AppendRequest request;
  private final CompletableFuture<AppendResult> future = new CompletableFuture<>();
  private AppendResult written;
  private long endOffset;
  private long writtenNanos;

  public PendingAppend(AppendRequest request) {
    this.request = request;
  }

  public AppendRequest request() {
    return request;
  }

  public CompletableFuture<AppendResult> future() {
    return future;
  }

  /** Writer thread: the record is in the log at {@code result}; it ends at {@code end}. */
  void written(AppendResult result, long end, long nanos) {
    this.written = result;
    this.endOffset = end;
    this.writtenNanos = nanos;
  }

  /** The result of the write, or null when the record was not written. */
  public AppendResult writtenResult() {
    return written;
  }

  /** Commit-log offset one past the record. */
  public long endOffset() {
    return endOffset;
  }

  /** {@link System#nanoTime()} when the writer wrote it. */
  public long writtenNanos() {
    return writtenNanos;
  }

  /** Completes with the written result, possibly with another status (flush timeout). */
  public void complete(AppendStatus status) {
    future.complete(written == null ? AppendResult.failed(status) : written.withStatus(status));
  }

  public void fail(AppendStatus status) {
    future.complete(AppendResult.failed(status));
  }
}
