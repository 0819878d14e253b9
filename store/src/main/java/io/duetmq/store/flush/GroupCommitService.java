package io.duetmq.store.flush;

import io.duetmq.store.AppendStatus;
import io.duetmq.store.StoreHealth;
import io.duetmq.store.log.CommitLog;
import io.duetmq.store.log.PendingAppend;
import io.duetmq.store.log.WrittenBatchHandler;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * SYNC_FLUSH group commit. The writer hands over each written batch; this service's thread takes
 * everything that has arrived, issues ONE fsync covering the end of the log, and completes every
 * append that fsync covered. Appends that arrive while an fsync runs share the next one, so the
 * fsync rate stays bounded however many producers there are.
 *
 * <p>An append that no fsync covered within {@code timeoutNanos} of being written completes with
 * {@link AppendStatus#FLUSH_DISK_TIMEOUT} (its data is stored). A failed fsync stops the store's
 * writes through {@link StoreHealth}; the appends it should have covered complete with
 * FLUSH_DISK_TIMEOUT.
 */
public final class GroupCommitService implements WrittenBatchHandler {
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final CommitLog log;
  private final StoreHealth health;
  private final long timeoutNanos;
  private final MpscUnboundedXaddArrayQueue<PendingAppend> requests =
      new MpscUnboundedXaddArrayQueue<>(1024);
  private final ArrayDeque<PendingAppend> waiting = new ArrayDeque<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean sleeping;

  public GroupCommitService(CommitLog log, StoreHealth health, long timeoutMillis) {
    this.log = log;
    this.health = health;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.thread = new Thread(this::run, "duetmq-group-commit");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  @Override
  public void onWritten(List<PendingAppend> batch) {
    for (PendingAppend append : batch) {
      if (append.request().waitForFlush()) {
        requests.offer(append);
      } else {
        append.complete(AppendStatus.PUT_OK);
      }
    }
    if (sleeping) {
      LockSupport.unpark(thread);
    }
  }

  private void run() {
    while (running || !requests.isEmpty() || !waiting.isEmpty()) {
      requests.drain(waiting::add);
      if (waiting.isEmpty()) {
        sleeping = true;
        if (requests.isEmpty() && running) {
          LockSupport.parkNanos(this, IDLE_PARK_NANOS);
        }
        sleeping = false;
        continue;
      }
      commit();
    }
  }

  private void commit() {
    long target = waiting.peekLast().endOffset();
    boolean flushed;
    try {
      log.flush(target);
      flushed = true;
    } catch (RuntimeException e) {
      health.fail("fsync of the commit log failed", e);
      flushed = false;
    }
    long now = System.nanoTime();
    long durable = log.flushedOffset();
    PendingAppend append;
    while ((append = waiting.peekFirst()) != null && (!flushed || append.endOffset() <= durable)) {
      waiting.pollFirst();
      boolean late = now - append.writtenNanos() > timeoutNanos;
      append.complete(flushed && !late ? AppendStatus.PUT_OK : AppendStatus.FLUSH_DISK_TIMEOUT);
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
