package io.duetmq.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The write port of the store. Thread-safe; never blocks the caller. */
public interface MessageAppender {
  /**
   * Appends one record. The future completes on a store thread once the flush policy allows it;
   * callers must not block that thread in dependent stages.
   */
  CompletableFuture<AppendResult> append(AppendRequest request);

  /**
   * Appends several records as one unit: they are written back to back, so records of the same
   * queue get consecutive offsets with nothing of other callers in between (a RocketMQ batch send).
   * The future completes when all of them are acknowledged, with one result per request in order.
   */
  CompletableFuture<List<AppendResult>> appendAll(List<AppendRequest> requests);
}
