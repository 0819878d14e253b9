package io.duetmq.store.log;

import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendResult;
import io.duetmq.store.AppendStatus;
import io.duetmq.store.StoreHealth;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * The single writer of the commit log. Any thread hands appends over a lock-free multi-producer
 * queue; this service's thread drains it in batches, assigns queue offsets and store timestamps,
 * writes the records, publishes the new end of the log once per batch, wakes the dispatcher and
 * passes the batch to the flush policy.
 *
 * <p>The writer sleeps when the queue is empty; a producer wakes it only when it announced that it
 * sleeps, so a busy writer costs producers no system calls.
 */
public final class CommitLogWriterService implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CommitLogWriterService.class.getName());
  private static final int MAX_BATCH = 256;
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final CommitLog log;
  private final MessageRecordEncoder encoder;
  private final QueueOffsetTable offsets;
  private final WrittenBatchHandler flushPolicy;
  private final Runnable onPublish;
  private final StoreHealth health;
  private final Clock clock;
  private final MpscUnboundedXaddArrayQueue<Object> queue = new MpscUnboundedXaddArrayQueue<>(1024);
  private final List<PendingAppend> batch = new ArrayList<>(MAX_BATCH);
  private final Thread thread;
  private volatile boolean sleeping;
  private volatile boolean running = true;
  private long lastStoreTimestamp;

  /**
   * @param onPublish called on the writer thread after each published batch (wakes the dispatcher;
   *     must not block)
   */
  public CommitLogWriterService(
      CommitLog log,
      MessageRecordEncoder encoder,
      QueueOffsetTable offsets,
      WrittenBatchHandler flushPolicy,
      Runnable onPublish,
      StoreHealth health,
      Clock clock) {
    this.log = log;
    this.encoder = encoder;
    this.offsets = offsets;
    this.flushPolicy = flushPolicy;
    this.onPublish = onPublish;
    this.health = health;
    this.clock = clock;
    this.thread = new Thread(this::run, "duetmq-commitlog-writer");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Hands appends to the writer as one unit: they are written back to back. Any thread. */
  public void submitAll(PendingAppend[] group) {
    if (!running) {
      for (PendingAppend append : group) {
        append.fail(AppendStatus.SERVICE_NOT_AVAILABLE);
      }
      return;
    }
    queue.offer(group);
    wake();
  }

  /** Forgets a deleted topic's next offsets, on the writer thread between appends. */
  public void forgetTopic(String topic) {
    execute(() -> offsets.remove(topic));
  }

  /** Hands an append to the writer; any thread. */
  public void submit(PendingAppend append) {
    if (!running) {
      append.fail(AppendStatus.SERVICE_NOT_AVAILABLE);
      return;
    }
    queue.offer(append);
    wake();
  }

  /**
   * Runs {@code task} on the writer thread between appends (e.g. forgetting a deleted topic's
   * offsets).
   */
  public void execute(Runnable task) {
    queue.offer(task);
    wake();
  }

  private void wake() {
    if (sleeping) {
      LockSupport.unpark(thread);
    }
  }

  private void run() {
    while (running || !queue.isEmpty()) {
      Object next = queue.poll();
      if (next == null) {
        endBatch();
        idle();
        continue;
      }
      if (next instanceof PendingAppend append) {
        write(append);
        if (batch.size() >= MAX_BATCH) {
          endBatch();
        }
      } else if (next instanceof PendingAppend[] group) {
        for (PendingAppend append : group) {
          write(append);
        }
        if (batch.size() >= MAX_BATCH) {
          endBatch();
        }
      } else {
        endBatch();
        ((Runnable) next).run();
      }
    }
    endBatch();
  }

  private void idle() {
    sleeping = true;
    if (queue.isEmpty() && running) {
      LockSupport.parkNanos(this, IDLE_PARK_NANOS);
    }
    sleeping = false;
  }

  private void write(PendingAppend append) {
    if (!health.isHealthy()) {
      append.fail(AppendStatus.SERVICE_NOT_AVAILABLE);
      return;
    }
    AppendRequest request = append.request();
    int length = encoder.length(request);
    if (length > log.maxRecordLength()) {
      append.fail(AppendStatus.MESSAGE_ILLEGAL);
      return;
    }
    long storeTimestamp = Math.max(clock.millis(), lastStoreTimestamp);
    lastStoreTimestamp = storeTimestamp;
    long queueOffset = offsets.claim(request.topic(), request.queueId(), request.recordCount());
    try {
      long physicalOffset = log.append(request, encoder, queueOffset, storeTimestamp);
      AppendResult result =
          new AppendResult(
              AppendStatus.PUT_OK,
              physicalOffset,
              length,
              queueOffset,
              request.recordCount(),
              storeTimestamp);
      append.written(result, physicalOffset + length, System.nanoTime());
      batch.add(append);
    } catch (RuntimeException | Error e) {
      // Anything thrown here (mapping a new segment, a patcher bug) leaves the log in an unknown
      // state.
      offsets.claim(request.topic(), request.queueId(), -request.recordCount());
      health.fail(
          "commit-log write failed at queue " + request.topic() + "/" + request.queueId(), e);
      append.fail(AppendStatus.SERVICE_NOT_AVAILABLE);
    }
  }

  private void endBatch() {
    if (batch.isEmpty()) {
      return;
    }
    log.publish();
    onPublish.run();
    try {
      flushPolicy.onWritten(batch);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "flush policy failed", e);
      for (PendingAppend append : batch) {
        append.complete(AppendStatus.FLUSH_DISK_TIMEOUT);
      }
    }
    batch.clear();
  }

  /**
   * Stops accepting appends, writes what was already handed over, and waits for the thread to end.
   */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Object left;
    while ((left = queue.poll()) != null) {
      if (left instanceof PendingAppend append) {
        append.fail(AppendStatus.SERVICE_NOT_AVAILABLE);
      } else if (left instanceof PendingAppend[] group) {
        for (PendingAppend append : group) {
          append.fail(AppendStatus.SERVICE_NOT_AVAILABLE);
        }
      }
    }
  }
}
