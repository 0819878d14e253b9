package io.duetmq.store;

import java.util.concurrent.CompletableFuture;

/** The write port of the store. Thread-safe; never blocks the caller. */
public interface MessageAppender {
  /**
   * Appends one record. The future completes on a store thread once the flush policy allows it;
   * callers must not block that thread in dependent stages.
   */
  CompletableFuture<AppendResult> append(AppendRequest request);
}
