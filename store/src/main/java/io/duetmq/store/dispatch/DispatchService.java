package io.duetmq.store.dispatch;

import static io.duetmq.store.log.CommitLogDescriptor.BLANK_MAGIC;
import static io.duetmq.store.log.CommitLogDescriptor.SYSFLAG_TRANSACTION_MASK;
import static io.duetmq.store.log.CommitLogDescriptor.SYSFLAG_TRANSACTION_ROLLBACK;

import io.duetmq.store.ArrivalListener;
import io.duetmq.store.index.KeyIndex;
import io.duetmq.store.log.CommitLog;
import io.duetmq.store.log.CommitLogDescriptor;
import io.duetmq.store.log.MappedSegment;
import io.duetmq.store.log.MessageRecordFlyweight;
import io.duetmq.store.queue.ConsumeQueue;
import io.duetmq.store.queue.ConsumeQueueTable;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Follows the commit log behind the writer and derives everything else from it: one consume-queue
 * entry per visible record, index entries for its keys, and an arrival notification per queue. Its
 * thread is the single writer of the consume queues and the index. During recovery the same code
 * runs on the recovering thread ({@link #dispatchTo(long)}) before the service starts, so the live
 * path and the rebuild path are one.
 */
public final class DispatchService implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DispatchService.class.getName());
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final CommitLog log;
  private final ConsumeQueueTable queues;
  private final KeyIndex index;
  private final MessageRecordFlyweight record = new MessageRecordFlyweight();
  private final PropertyScanner properties = new PropertyScanner();
  private final CopyOnWriteArrayList<ArrivalListener> listeners = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile long dispatchedOffset;
  private volatile long lastStoreTimestamp;
  private volatile boolean running = true;
  private volatile boolean sleeping;

  public DispatchService(
      CommitLog log, ConsumeQueueTable queues, KeyIndex index, long startOffset) {
    this.log = log;
    this.queues = queues;
    this.index = index;
    this.dispatchedOffset = startOffset;
    this.thread = new Thread(this::run, "duetmq-dispatcher");
    this.thread.setDaemon(true);
  }

  public void addListener(ArrivalListener listener) {
    listeners.add(listener);
  }

  public void start() {
    thread.start();
  }

  /** Commit-log offset up to which every record has been dispatched. */
  public long dispatchedOffset() {
    return dispatchedOffset;
  }

  /** Store timestamp of the last dispatched record (0 if none yet). */
  public long lastStoreTimestamp() {
    return lastStoreTimestamp;
  }

  /** Tells the dispatcher that the writer published more of the log. Any thread; never blocks. */
  public void wakeup() {
    if (sleeping) {
      LockSupport.unpark(thread);
    }
  }

  private void run() {
    while (running) {
      long end = log.maxOffset();
      if (dispatchedOffset < end) {
        dispatchTo(end);
        continue;
      }
      sleeping = true;
      if (log.maxOffset() == dispatchedOffset && running) {
        LockSupport.parkNanos(this, IDLE_PARK_NANOS);
      }
      sleeping = false;
    }
    dispatchTo(log.maxOffset());
  }

  /**
   * Dispatches every record in {@code [dispatchedOffset, end)}; only the dispatching thread calls
   * this.
   */
  public void dispatchTo(long end) {
    long position = dispatchedOffset;
    while (position < end) {
      MappedSegment segment = log.segmentFor(position);
      if (segment == null) {
        LOG.log(
            Level.ERROR,
            "commit-log offset {0} is not retained; dispatch jumps to {1}",
            position,
            end);
        position = end;
        break;
      }
      ByteBuffer buf = segment.buffer();
      int at = (int) (position - segment.startOffset());
      int size = buf.getInt(at);
      if (buf.getInt(at + 4) == BLANK_MAGIC) {
        position = segment.endOffset();
        continue;
      }
      dispatchRecord(buf, at, position, size);
      position += size;
      dispatchedOffset = position;
    }
    dispatchedOffset = position;
  }

  private void dispatchRecord(ByteBuffer buf, int at, long physicalOffset, int size) {
    record.wrap(buf, at);
    int sysFlag = record.sysFlag();
    String topic = record.topic();
    properties.scan(buf, record.propertiesIndex(), record.propertiesLength());
    long storeTimestamp = record.storeTimestamp();
    if (!CommitLogDescriptor.isInvisibleTransactionRecord(sysFlag)) {
      String tags = properties.tags();
      long tagsCode = tags == null || tags.isEmpty() ? 0 : tags.hashCode();
      int queueId = record.queueId();
      ConsumeQueue queue = queues.getOrCreate(topic, queueId);
      if (queue.append(
          physicalOffset,
          size,
          tagsCode,
          storeTimestamp,
          record.queueOffset(),
          record.recordCount())) {
        notifyArrival(topic, queueId, queue.maxOffset());
      }
    }
    if ((sysFlag & SYSFLAG_TRANSACTION_MASK) != SYSFLAG_TRANSACTION_ROLLBACK) {
      indexKeys(topic, physicalOffset, storeTimestamp);
    }
    lastStoreTimestamp = storeTimestamp;
  }

  private void indexKeys(String topic, long physicalOffset, long storeTimestamp) {
    String uniqKey = properties.uniqKey();
    if (uniqKey != null && !uniqKey.isEmpty()) {
      index.put(topic + '#' + uniqKey, physicalOffset, storeTimestamp);
    }
    String keys = properties.keys();
    if (keys != null) {
      for (String key : keys.split(" ")) {
        if (!key.isEmpty()) {
          index.put(topic + '#' + key, physicalOffset, storeTimestamp);
        }
      }
    }
  }

  private void notifyArrival(String topic, int queueId, long maxOffset) {
    for (ArrivalListener listener : listeners) {
      try {
        listener.onArrival(topic, queueId, maxOffset);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "arrival listener failed for " + topic + "/" + queueId, e);
      }
    }
  }

  /** Dispatches what the writer has published and stops the thread. */
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
