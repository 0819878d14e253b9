package io.duetmq.store.flush;

import io.duetmq.store.AppendStatus;
import io.duetmq.store.StoreHealth;
import io.duetmq.store.log.CommitLog;
import io.duetmq.store.log.PendingAppend;
import io.duetmq.store.log.WrittenBatchHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * ASYNC_FLUSH: appends are acknowledged as soon as they are written; this service's thread flushes
 * the log every {@code intervalMillis} when at least {@code leastPages} 4 KiB pages are dirty, and
 * regardless of that at least every {@code thoroughIntervalMillis}. Appends that asked to wait for
 * the flush get no special treatment here (RocketMQ's behaviour with ASYNC_FLUSH).
 */
public final class AsyncFlushService implements WrittenBatchHandler {
  private static final int PAGE_SIZE = 4096;

  private final CommitLog log;
  private final StoreHealth health;
  private final long intervalNanos;
  private final long leastBytes;
  private final long thoroughIntervalNanos;
  private final Thread thread;
  private volatile boolean running = true;
  private long lastThoroughFlush = System.nanoTime();

  public AsyncFlushService(
      CommitLog log,
      StoreHealth health,
      int intervalMillis,
      int leastPages,
      int thoroughIntervalMillis) {
    this.log = log;
    this.health = health;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    this.leastBytes = (long) leastPages * PAGE_SIZE;
    this.thoroughIntervalNanos = TimeUnit.MILLISECONDS.toNanos(thoroughIntervalMillis);
    this.thread = new Thread(this::run, "duetmq-async-flush");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  @Override
  public void onWritten(List<PendingAppend> batch) {
    for (PendingAppend append : batch) {
      append.complete(AppendStatus.PUT_OK);
    }
  }

  private void run() {
    while (running) {
      LockSupport.parkNanos(this, intervalNanos);
      long now = System.nanoTime();
      boolean thorough = now - lastThoroughFlush >= thoroughIntervalNanos;
      long dirty = log.maxOffset() - log.flushedOffset();
      if (dirty > 0 && (thorough || dirty >= leastBytes)) {
        flush();
      }
      if (thorough) {
        lastThoroughFlush = now;
      }
    }
    flush();
  }

  private void flush() {
    if (!health.isHealthy()) {
      return;
    }
    try {
      log.flush(log.maxOffset());
    } catch (RuntimeException e) {
      health.fail("flush of the commit log failed", e);
    }
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
