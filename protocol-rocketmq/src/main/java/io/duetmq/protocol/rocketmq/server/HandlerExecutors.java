package io.duetmq.protocol.rocketmq.server;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The default handler pool of an endpoint, and its orderly shutdown. */
final class HandlerExecutors {

  /** Queued requests beyond which new ones get SYSTEM_BUSY instead of waiting. */
  static final int QUEUE_CAPACITY = 10_000;

  private static final long SHUTDOWN_WAIT_SECONDS = 5;

  private HandlerExecutors() {}

  static ThreadPoolExecutor newDefaultPool(int threads, String threadNamePrefix) {
    return new ThreadPoolExecutor(
        threads,
        threads,
        60,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE_CAPACITY),
        new DefaultThreadFactory(threadNamePrefix, true));
  }

  /** Stops accepting work and waits a bounded time for running handlers. */
  static void shutdown(ExecutorService executor) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
