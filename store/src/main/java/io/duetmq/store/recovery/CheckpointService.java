package io.duetmq.store.recovery;

import io.duetmq.store.StoreHealth;
import io.duetmq.store.dispatch.DispatchService;
import io.duetmq.store.index.KeyIndex;
import io.duetmq.store.log.CommitLog;
import io.duetmq.store.queue.ConsumeQueueTable;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Periodically makes derived state durable and records how far it goes: captures the dispatched
 * offset, flushes the consume queues and the index, then writes the checkpoint with that offset.
 * Capturing before flushing means the checkpoint never claims more than is on disk.
 */
public final class CheckpointService implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CheckpointService.class.getName());

  private final Path storeRoot;
  private final CommitLog log;
  private final DispatchService dispatcher;
  private final ConsumeQueueTable queues;
  private final KeyIndex index;
  private final StoreHealth health;
  private final long intervalNanos;
  private final Thread thread;
  private volatile boolean running = true;

  public CheckpointService(
      Path storeRoot,
      CommitLog log,
      DispatchService dispatcher,
      ConsumeQueueTable queues,
      KeyIndex index,
      StoreHealth health,
      int intervalMillis) {
    this.storeRoot = storeRoot;
    this.log = log;
    this.dispatcher = dispatcher;
    this.queues = queues;
    this.index = index;
    this.health = health;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    this.thread = new Thread(this::run, "duetmq-checkpoint");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    while (running) {
      LockSupport.parkNanos(this, intervalNanos);
      if (running && health.isHealthy()) {
        try {
          checkpoint();
        } catch (RuntimeException e) {
          health.fail("flush of consume queues, index or checkpoint failed", e);
        }
      }
    }
  }

  /** Flushes derived files and writes the checkpoint. Also called once at shutdown. */
  public void checkpoint() {
    long dispatched = dispatcher.dispatchedOffset();
    long timestamp = dispatcher.lastStoreTimestamp();
    queues.flushAll();
    index.flush();
    StoreCheckpoint.write(storeRoot, timestamp, log.flushedOffset(), dispatched);
    LOG.log(Level.TRACE, "checkpoint at dispatched offset {0}", dispatched);
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
