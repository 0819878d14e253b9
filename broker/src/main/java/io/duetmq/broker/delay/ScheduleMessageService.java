package io.duetmq.broker.delay;

import io.duetmq.broker.message.MessagePropertyKeys;
import io.duetmq.broker.message.StoredMessage;
import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendResult;
import io.duetmq.store.AppendStatus;
import io.duetmq.store.ArrivalListener;
import io.duetmq.store.MessageAppender;
import io.duetmq.store.QueueEntryFilter;
import io.duetmq.store.QueueReadResult;
import io.duetmq.store.QueueReader;
import io.duetmq.store.ReadStatus;
import io.duetmq.store.StoredRecord;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Delivers delayed messages: for every level, reads its schedule-topic queue from the saved next
 * offset and re-puts each message whose deliver time (store timestamp + level delay) has come to
 * its {@code REAL_TOPIC}/{@code REAL_QID}, without {@code DELAY}, then advances.
 *
 * <p>Every message of a level has the same delay and store timestamps never decrease within a
 * queue, so each level is a FIFO: a tick looks at a level only when its head is due (per-level
 * next-due times) and stops at the first message that is not, so the work of a tick is proportional
 * to the messages it delivers, not to the messages pending. An idle level (caught up) is looked at
 * again when the store reports an arrival in its queue ({@link #onArrival}).
 *
 * <p>Durability: a level's offset advances only after the re-put is stored (waiting for the flush
 * under SYNC_FLUSH); the table is written to {@code delayOffset.json} after every tick that
 * advanced and on close. A crash can therefore deliver again at most the last unsaved batch of each
 * level ({@link ScheduleConfig#deliverBatchSize()} messages), never lose one; a clean restart
 * delivers nothing twice.
 *
 * <p>Threading: one thread, {@code duetmq-schedule}, runs {@link #tick()} and parks until the next
 * level is due (or an arrival wakes it). Without {@link #start()}, tests call {@link #tick()}
 * themselves with a fake clock. {@code tick} must not run on two threads at once (it is
 * synchronized).
 */
public final class ScheduleMessageService implements ArrivalListener, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ScheduleMessageService.class.getName());
  private static final long IDLE = Long.MAX_VALUE;
  private static final long MAX_PARK_MILLIS = 1_000;
  private static final long APPEND_TIMEOUT_MILLIS = 30_000;

  private final ScheduleConfig config;
  private final DelayLevels levels;
  private final QueueReader reader;
  private final MessageAppender appender;
  private final DelayOffsetFile offsetFile;
  private final Clock clock;
  private final long[] nextOffset;
  private final long[] nextDue;
  private final Map<Integer, Long> unknownLevels = new TreeMap<>();
  private final AtomicIntegerArray arrived;
  private final AtomicLong entriesRead = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private volatile Thread thread;
  private volatile boolean closed;

  /**
   * Loads the saved offsets; every level is looked at on the first tick.
   *
   * @param reader reads the schedule topic
   * @param appender re-puts due messages
   * @param offsetFile where the next offsets are kept
   * @param clock the time deliver times are compared with (the store's clock)
   */
  public ScheduleMessageService(
      ScheduleConfig config,
      QueueReader reader,
      MessageAppender appender,
      DelayOffsetFile offsetFile,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.levels = config.levels();
    this.reader = Objects.requireNonNull(reader, "reader");
    this.appender = Objects.requireNonNull(appender, "appender");
    this.offsetFile = Objects.requireNonNull(offsetFile, "offsetFile");
    this.clock = Objects.requireNonNull(clock, "clock");
    int max = levels.maxLevel();
    this.nextOffset = new long[max + 1];
    this.nextDue = new long[max + 1];
    this.arrived = new AtomicIntegerArray(max + 1);
    for (Map.Entry<Integer, Long> entry : offsetFile.load().entrySet()) {
      int level = entry.getKey();
      if (level >= 1 && level <= max) {
        nextOffset[level] = Math.max(0, entry.getValue());
      } else {
        unknownLevels.put(level, entry.getValue());
      }
    }
    if (!unknownLevels.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "{0} holds levels {1} beyond messageDelayLevel's {2}; kept but not delivered",
          offsetFile.path(),
          unknownLevels.keySet(),
          max);
    }
  }

  /** Starts the {@code duetmq-schedule} thread. */
  public synchronized void start() {
    if (thread != null || closed) {
      return;
    }
    Thread t = new Thread(this::run, "duetmq-schedule");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** Marks the level of a schedule-topic queue for a look (called on the dispatcher thread). */
  @Override
  public void onArrival(String topic, int queueId, long maxOffset) {
    if (!ScheduleTopicRouter.SCHEDULE_TOPIC.equals(topic)) {
      return;
    }
    int level = ScheduleTopicRouter.levelOf(queueId);
    if (level >= 1 && level <= levels.maxLevel()) {
      arrived.set(level, 1);
      wakeup();
    }
  }

  /** Makes the service thread run a tick now (tests advance a fake clock, then call this). */
  public void wakeup() {
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /**
   * Delivers what is due at the clock's now on every level whose head is due, then saves the
   * offsets if any advanced. Returns how many messages were re-put.
   */
  public synchronized int tick() {
    long now = clock.millis();
    int count = 0;
    boolean advanced = false;
    for (int level = 1; level <= levels.maxLevel(); level++) {
      if (arrived.getAndSet(level, 0) == 1 && nextDue[level] == IDLE) {
        nextDue[level] = now;
      }
      if (nextDue[level] > now) {
        continue;
      }
      long before = nextOffset[level];
      count += deliverLevel(level, now);
      advanced |= nextOffset[level] != before;
    }
    if (advanced) {
      persist();
    }
    delivered.addAndGet(count);
    return count;
  }

  /**
   * Reads the level's queue from its next offset while entries are due (at most one batch), re-puts
   * them, and advances over the stored prefix. Returns how many were re-put.
   */
  private int deliverLevel(int level, long now) {
    int queueId = ScheduleTopicRouter.queueIdOf(level);
    long delay = levels.delayMillis(level);
    long offset = nextOffset[level];
    List<Pending> pending = new ArrayList<>();
    long due = IDLE;
    while (pending.size() < config.deliverBatchSize()) {
      QueueReadResult read =
          reader.read(
              ScheduleTopicRouter.SCHEDULE_TOPIC,
              queueId,
              offset,
              Integer.MAX_VALUE,
              1,
              QueueEntryFilter.ALL);
      entriesRead.incrementAndGet();
      if (read.status() != ReadStatus.FOUND) {
        long moved = repositionAfter(level, offset, read);
        if (moved != offset) {
          offset = moved;
          pending.add(new Pending(null, moved));
          continue;
        }
        break;
      }
      StoredRecord record = read.records().get(0);
      if (record.storeTimestamp() + delay > now) {
        due = record.storeTimestamp() + delay;
        break;
      }
      AppendRequest request = deliveryRequest(level, record);
      pending.add(
          new Pending(request == null ? null : appender.append(request), record.nextOffset()));
      offset = record.nextOffset();
    }
    nextDue[level] = pending.size() >= config.deliverBatchSize() ? now : due;
    return commit(level, pending, now);
  }

  /**
   * Where to continue when the queue has no readable entry at {@code offset}: the queue's start
   * when retention removed what the offset points at, its end when the offset lies beyond it, or
   * the same offset when the level has simply caught up.
   */
  private long repositionAfter(int level, long offset, QueueReadResult read) {
    ReadStatus status = read.status();
    long target = offset;
    if (status == ReadStatus.OFFSET_TOO_SMALL || status == ReadStatus.OFFSET_FOUND_NULL) {
      target =
          Math.max(
              read.nextBeginOffset(), offset + (status == ReadStatus.OFFSET_FOUND_NULL ? 1 : 0));
    } else if (status == ReadStatus.OFFSET_OVERFLOW_BADLY) {
      target = read.maxOffset();
    }
    if (target != offset) {
      LOG.log(
          Level.WARNING,
          "delay level {0}: offset {1} is {2}; continuing at {3}",
          level,
          offset,
          status,
          target);
    }
    return target;
  }

  /** Waits for the re-puts in order and advances the level over the prefix that is settled. */
  private int commit(int level, List<Pending> pending, long now) {
    int stored = 0;
    for (Pending p : pending) {
      AppendStatus status = p.future() == null ? null : await(p.future());
      if (status != null && !status.isStored() && isTransient(status)) {
        LOG.log(
            Level.WARNING,
            "delay level {0}: re-put at offset {1} failed with {2}; retrying in {3} ms",
            level,
            nextOffset[level],
            status,
            config.retryBackoffMillis());
        nextDue[level] = now + config.retryBackoffMillis();
        break;
      }
      if (status != null && !status.isStored()) {
        LOG.log(
            Level.ERROR,
            "delay level {0}: message at offset {1} rejected with {2}; skipped",
            level,
            nextOffset[level],
            status);
      } else if (status != null) {
        stored++;
      }
      nextOffset[level] = p.nextOffset();
    }
    return stored;
  }

  private static boolean isTransient(AppendStatus status) {
    return status != AppendStatus.MESSAGE_ILLEGAL
        && status != AppendStatus.PROPERTIES_SIZE_EXCEEDED;
  }

  private static AppendStatus await(CompletableFuture<AppendResult> future) {
    try {
      return future.get(APPEND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).status();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return AppendStatus.SERVICE_NOT_AVAILABLE;
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.WARNING, "delayed re-put did not complete: {0}", e.toString());
      return AppendStatus.SERVICE_NOT_AVAILABLE;
    }
  }

  /** The re-put of a due message, or null (logged) when it cannot be delivered at all. */
  private AppendRequest deliveryRequest(int level, StoredRecord record) {
    try {
      StoredMessage message = StoredMessage.decode(record);
      Map<String, String> properties = message.copyProperties();
      String topic = properties.get(MessagePropertyKeys.REAL_TOPIC);
      String queue = properties.get(MessagePropertyKeys.REAL_QID);
      if (topic == null || queue == null) {
        throw new IllegalArgumentException("REAL_TOPIC or REAL_QID missing");
      }
      properties.remove(MessagePropertyKeys.DELAY);
      properties.put(MessagePropertyKeys.WAIT, "false");
      // WAIT=false as RocketMQ writes it, but the offset only advances once the copy is durable
      return message.rePut(topic, Integer.parseInt(queue), properties).waitForFlush(true).build();
    } catch (IllegalArgumentException e) {
      LOG.log(
          Level.ERROR,
          "delay level {0}: record at commit-log offset {1} cannot be delivered and is skipped: {2}",
          level,
          record.commitLogOffset(),
          e.getMessage());
      return null;
    }
  }

  /** Writes the offset table now. */
  public synchronized void persist() {
    Map<Integer, Long> table = new TreeMap<>(unknownLevels);
    for (int level = 1; level <= levels.maxLevel(); level++) {
      table.put(level, nextOffset[level]);
    }
    offsetFile.save(table);
  }

  /** The next schedule-queue offset of {@code level}. */
  public synchronized long nextOffset(int level) {
    return nextOffset[checkLevel(level)];
  }

  /** When {@code level} is looked at next (clock ms), or {@link Long#MAX_VALUE} when idle. */
  public synchronized long nextDueMillis(int level) {
    return nextDue[checkLevel(level)];
  }

  /** Schedule-queue entries read so far (each look at a level's head counts one). */
  public long entriesRead() {
    return entriesRead.get();
  }

  /** Messages re-put so far. */
  public long deliveredCount() {
    return delivered.get();
  }

  private int checkLevel(int level) {
    if (level < 1 || level > levels.maxLevel()) {
      throw new IllegalArgumentException(
          "delay level " + level + " outside [1, " + levels.maxLevel() + "]");
    }
    return level;
  }

  private void run() {
    while (!closed) {
      long waitMillis;
      try {
        tick();
        waitMillis = millisUntilNextDue();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "delayed delivery failed; retrying", e);
        waitMillis = config.retryBackoffMillis();
      }
      if (waitMillis > 0 && !closed) {
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(waitMillis));
      }
    }
  }

  private synchronized long millisUntilNextDue() {
    long earliest = IDLE;
    for (int level = 1; level <= levels.maxLevel(); level++) {
      earliest = Math.min(earliest, nextDue[level]);
    }
    return earliest == IDLE
        ? MAX_PARK_MILLIS
        : Math.min(MAX_PARK_MILLIS, earliest - clock.millis());
  }

  /** Stops the thread and saves the offsets. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      t = thread;
    }
    if (t != null) {
      LockSupport.unpark(t);
      try {
        t.join(TimeUnit.SECONDS.toMillis(35));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    persist();
  }

  /**
   * A re-put in flight (null future: nothing to wait for) and where the level continues after it.
   */
  private record Pending(CompletableFuture<AppendResult> future, long nextOffset) {}
}
