package io.duetmq.store.log;

import java.util.List;

/**
 * Takes over appends the writer has just written and published, and completes them when the flush
 * policy allows: at once for ASYNC_FLUSH, after an fsync covers them for SYNC_FLUSH. Called on the
 * writer thread with the end of a batch; must not block. The list is reused by the writer after the
 * call returns.
 */
public interface WrittenBatchHandler extends AutoCloseable {
  void onWritten(List<PendingAppend> batch);

  @Override
  void close();
}
