package io.duetmq.broker.offset;

import io.duetmq.broker.config.ConfigFileStore;
import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendResult;
import io.duetmq.store.MessageAppender;
import io.duetmq.store.QueueEntryFilter;
import io.duetmq.store.QueueReadResult;
import io.duetmq.store.QueueReader;
import io.duetmq.store.ReadStatus;
import io.duetmq.store.StoredRecord;
import io.duetmq.store.log.MessageRecordFlyweight;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Committed consumer offsets per (group, topic, queue): THE offset store of both protocols
 * (RocketMQ's UPDATE/QUERY_CONSUMER_OFFSET and Kafka's OffsetCommit/OffsetFetch use the same
 * table). An offset is the next one to consume.
 *
 * <p>Durability has two parts. Every change is journaled first: {@link #commit}, {@link
 * #removeGroup} and {@link #removeTopic} append a small record ({@link OffsetJournalDescriptor}) to
 * queue 0 of the internal topic {@value #JOURNAL_TOPIC} in the commit log, without waiting for a
 * flush. Periodically and on {@link #close} (which first waits for the last append) the whole table
 * is written as RocketMQ's {@code config/consumerOffset.json}, together with the journal offset it
 * covers ({@code duetmqLogOffset}). On open the snapshot is loaded and the journal replayed from
 * that offset, so commits survive a crash between snapshots as far as the commit log itself
 * survives it.
 *
 * <p>Why replay is exact: a change updates the table and submits its journal record under one lock,
 * so the journal's order is the table's order. A snapshot first reads the journal's end E (the
 * larger of the store's dispatched end and the end of the last completed append), then copies the
 * table; every record below E was submitted, hence applied, before the copy. Records at or after E
 * may or may not be in the copy, and replaying them again is harmless because each is "set this
 * key" or "delete these keys" and replay applies them in their original order.
 *
 * <p>Server-side resets ({@link #resetByTimestamp}, RocketMQ 5's {@code resetOffsetByTime}) commit
 * the new offsets and leave a pending mark per queue: while it is set, {@link #commitByClient}
 * ignores the client's (stale) commits, and the pull path takes it with {@link #takePendingReset}
 * to answer PULL_OFFSET_MOVED. Pending marks are not persisted.
 *
 * <p>Thread-safety: thread-safe. Queries are lock-free; changes are serialized by one lock held
 * only while updating the table and handing the journal record to the store (which never blocks).
 * Close it before the {@code MessageStore} it journals to.
 */
public final class ConsumerOffsetStore implements AutoCloseable {
  /** The internal topic holding the offset journal. */
  public static final String JOURNAL_TOPIC = "%DUETMQ%consumer_offsets";

  private static final System.Logger LOG = System.getLogger(ConsumerOffsetStore.class.getName());
  static final String FILE = "consumerOffset";
  private static final int JOURNAL_QUEUE = 0;
  private static final int REPLAY_BATCH = 1024;
  private static final int REPLAY_MAX_BYTES = 4 << 20;
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private final ConfigFileStore files;
  private final MessageAppender appender;
  private final QueueReader reader;
  private final Clock clock;
  private final ConcurrentHashMap<OffsetKey, ConcurrentHashMap<Integer, Long>> offsets =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<OffsetKey, ConcurrentHashMap<Integer, Long>> pendingResets =
      new ConcurrentHashMap<>();
  private final Object journalLock = new Object();
  private final Object persistLock = new Object();
  private final AtomicLong journalEnd = new AtomicLong();
  private Runnable cancelPersist = () -> {};
  private volatile CompletableFuture<AppendResult> lastAppend;
  private volatile boolean closed;

  private ConsumerOffsetStore(
      ConfigFileStore files, MessageAppender appender, QueueReader reader, Clock clock) {
    this.files = Objects.requireNonNull(files, "files");
    this.appender = Objects.requireNonNull(appender, "appender");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Loads {@code consumerOffset.json} (or its backup), replays the journal past the snapshot,
   * writes a fresh snapshot and schedules the periodic one.
   *
   * @param appender where journal records go (the store)
   * @param reader where the journal is replayed from, and offsets for resets are looked up
   * @param scheduler runs the periodic snapshot
   * @param persistIntervalMillis snapshot period ({@code flushConsumerOffsetInterval}, 5 s)
   * @throws IllegalStateException when the file exists but neither it nor its backup is usable
   */
  public static ConsumerOffsetStore open(
      ConfigFileStore files,
      MessageAppender appender,
      QueueReader reader,
      Clock clock,
      PeriodicScheduler scheduler,
      long persistIntervalMillis) {
    if (persistIntervalMillis < 1) {
      throw new IllegalArgumentException("persistIntervalMillis " + persistIntervalMillis + " < 1");
    }
    ConsumerOffsetStore store = new ConsumerOffsetStore(files, appender, reader, clock);
    store.load();
    store.cancelPersist = scheduler.schedule(store::persistQuietly, persistIntervalMillis);
    return store;
  }

  private void load() {
    ConsumerOffsetCodec.Snapshot snapshot =
        files
            .read(FILE, ConsumerOffsetCodec::decode)
            .orElseGet(() -> new ConsumerOffsetCodec.Snapshot(Map.of(), 0));
    snapshot.offsets().forEach((key, queues) -> offsets.put(key, new ConcurrentHashMap<>(queues)));
    long replayed = replay(snapshot.journalOffset());
    // Rewrites the covered journal offset too: after an unclean stop the journal can be shorter
    // than the old snapshot claimed, and new records will reuse those offsets.
    persist();
    LOG.log(
        Level.INFO,
        "consumer offsets loaded: {0} (topic, group) rows, {1} journal records replayed from {2}",
        offsets.size(),
        replayed,
        snapshot.journalOffset());
  }

  private long replay(long from) {
    long next = from;
    long applied = 0;
    MessageRecordFlyweight record = new MessageRecordFlyweight();
    while (true) {
      QueueReadResult result =
          reader.read(
              JOURNAL_TOPIC,
              JOURNAL_QUEUE,
              next,
              REPLAY_MAX_BYTES,
              REPLAY_BATCH,
              QueueEntryFilter.ALL);
      if (result.status() == ReadStatus.OFFSET_TOO_SMALL) {
        LOG.log(
            Level.WARNING,
            "offset journal starts at {0}, after the snapshot''s {1}: changes in between are lost",
            result.minOffset(),
            next);
      } else if (result.status() == ReadStatus.FOUND) {
        for (StoredRecord stored : result.records()) {
          applied += applyJournaled(record.wrap(stored.buffer(), 0), stored.baseOffset());
        }
      } else if (result.status() != ReadStatus.OFFSET_FOUND_NULL) {
        return applied;
      }
      if (result.nextBeginOffset() <= next) {
        return applied;
      }
      next = result.nextBeginOffset();
    }
  }

  private int applyJournaled(MessageRecordFlyweight record, long journalOffset) {
    try {
      apply(OffsetJournalCodec.decode(record.body()));
      return 1;
    } catch (IllegalArgumentException e) {
      LOG.log(Level.WARNING, "skipping offset journal record {0}: {1}", journalOffset, e);
      return 0;
    }
  }

  private void apply(OffsetJournalEntry entry) {
    switch (entry.kind()) {
      case COMMIT:
        offsets
            .computeIfAbsent(
                new OffsetKey(entry.topic(), entry.group()), k -> new ConcurrentHashMap<>())
            .put(entry.queueId(), entry.offset());
        break;
      case REMOVE_GROUP:
        offsets.keySet().removeIf(key -> key.group().equals(entry.group()));
        pendingResets.keySet().removeIf(key -> key.group().equals(entry.group()));
        break;
      case REMOVE_TOPIC:
        offsets.keySet().removeIf(key -> key.topic().equals(entry.topic()));
        pendingResets.keySet().removeIf(key -> key.topic().equals(entry.topic()));
        break;
      default:
        throw new IllegalStateException("unhandled " + entry.kind());
    }
  }

  /**
   * Stores {@code offset} as the group's position in the queue (Kafka commits, admin tools, server
   * side resets), regardless of a pending reset.
   *
   * @return completes when the journal record is in the commit log (not necessarily flushed); the
   *     table is updated before this returns
   */
  public CompletableFuture<AppendResult> commit(
      String group, String topic, int queueId, long offset) {
    if (queueId < 0 || offset < 0) {
      throw new IllegalArgumentException(
          "commit of " + group + "/" + topic + "/" + queueId + " at " + offset + ": negative");
    }
    return change(OffsetJournalEntry.commit(group, topic, queueId, offset));
  }

  /**
   * A consumer's own commit (UPDATE_CONSUMER_OFFSET): ignored while a server-side reset of that
   * queue is pending, because the client still reports its position from before the reset.
   *
   * @return false when ignored
   */
  public boolean commitByClient(String group, String topic, int queueId, long offset) {
    if (pendingReset(group, topic, queueId) >= 0) {
      return false;
    }
    commit(group, topic, queueId, offset);
    return true;
  }

  /** The committed offset, or -1 when there is none (QUERY_NOT_FOUND). */
  public long query(String group, String topic, int queueId) {
    Map<Integer, Long> queues = offsets.get(new OffsetKey(topic, group));
    Long offset = queues == null ? null : queues.get(queueId);
    return offset == null ? -1 : offset;
  }

  /** Every committed offset of the group: topic to queue id to offset, ordered. */
  public Map<String, Map<Integer, Long>> queryAll(String group) {
    Map<String, Map<Integer, Long>> result = new TreeMap<>();
    offsets.forEach(
        (key, queues) -> {
          if (key.group().equals(group) && !queues.isEmpty()) {
            result.put(key.topic(), new TreeMap<>(queues));
          }
        });
    return result;
  }

  /** The groups with committed offsets in {@code topic}, ordered. */
  public List<String> groupsOf(String topic) {
    TreeSet<String> groups = new TreeSet<>();
    offsets.forEach(
        (key, queues) -> {
          if (key.topic().equals(topic) && !queues.isEmpty()) {
            groups.add(key.group());
          }
        });
    return List.copyOf(groups);
  }

  /** The topics in which {@code group} has committed offsets, ordered. */
  public List<String> topicsOf(String group) {
    TreeSet<String> topics = new TreeSet<>();
    offsets.forEach(
        (key, queues) -> {
          if (key.group().equals(group) && !queues.isEmpty()) {
            topics.add(key.topic());
          }
        });
    return List.copyOf(topics);
  }

  /** Forgets every offset of the group (group deleted). */
  public void removeGroup(String group) {
    change(OffsetJournalEntry.removeGroup(group));
  }

  /** Forgets every offset in the topic (topic deleted). */
  public void removeTopic(String topic) {
    change(OffsetJournalEntry.removeTopic(topic));
  }

  /**
   * Moves the group's position in queues {@code 0..queueNums-1} of {@code topic} to the first
   * message stored at or after {@code timestamp} (the queue's end when none is, or when {@code
   * timestamp} is -1), commits it and marks it pending for the consumers.
   *
   * @return queue id to the new offset, ordered
   */
  public Map<Integer, Long> resetByTimestamp(
      String group, String topic, int queueNums, long timestamp) {
    Map<Integer, Long> result = new TreeMap<>();
    for (int queueId = 0; queueId < queueNums; queueId++) {
      long offset =
          timestamp < 0
              ? reader.maxOffset(topic, queueId)
              : reader.offsetForTimestamp(topic, queueId, timestamp);
      resetOffset(group, topic, queueId, offset);
      result.put(queueId, offset);
    }
    LOG.log(Level.INFO, "offsets of {0} in {1} reset to {2}: {3}", group, topic, timestamp, result);
    return result;
  }

  /** Moves the group's position in one queue to {@code offset} and marks it pending. */
  public void resetOffset(String group, String topic, int queueId, long offset) {
    commit(group, topic, queueId, offset);
    pendingResets
        .computeIfAbsent(new OffsetKey(topic, group), k -> new ConcurrentHashMap<>())
        .put(queueId, offset);
  }

  /** The pending reset offset of the queue, or -1. */
  public long pendingReset(String group, String topic, int queueId) {
    Map<Integer, Long> queues = pendingResets.get(new OffsetKey(topic, group));
    Long offset = queues == null ? null : queues.get(queueId);
    return offset == null ? -1 : offset;
  }

  /** Takes (and clears) the pending reset of the queue; -1 when there is none. */
  public long takePendingReset(String group, String topic, int queueId) {
    Map<Integer, Long> queues = pendingResets.get(new OffsetKey(topic, group));
    Long offset = queues == null ? null : queues.remove(queueId);
    return offset == null ? -1 : offset;
  }

  /**
   * Writes the snapshot now (also done periodically and on close).
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public void persist() {
    synchronized (persistLock) {
      // The end must be read before the table is copied; see the class comment. A completed
      // append proves, like the dispatched end, that every record before it was applied.
      long covered = Math.max(reader.maxOffset(JOURNAL_TOPIC, JOURNAL_QUEUE), journalEnd.get());
      Map<OffsetKey, Map<Integer, Long>> copy = new TreeMap<>();
      offsets.forEach(
          (key, queues) -> {
            if (!queues.isEmpty()) {
              copy.put(key, new TreeMap<>(queues));
            }
          });
      files.write(FILE, ConsumerOffsetCodec.encode(copy, covered));
    }
  }

  /**
   * Stops the periodic snapshot, waits (up to {@value #CLOSE_WAIT_MILLIS} ms) for the last journal
   * append, and writes a final snapshot that covers it, so that a clean restart replays nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    cancelPersist.run();
    CompletableFuture<AppendResult> last = lastAppend;
    if (last != null) {
      try {
        last.get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(Level.WARNING, "last offset journal append did not complete: {0}", e.toString());
      }
    }
    persist();
  }

  private CompletableFuture<AppendResult> change(OffsetJournalEntry entry) {
    if (closed) {
      throw new IllegalStateException("consumer offset store is closed; dropped " + entry);
    }
    AppendRequest request =
        AppendRequest.builder(JOURNAL_TOPIC, JOURNAL_QUEUE, OffsetJournalCodec.encode(entry))
            .bornTimestamp(clock.millis())
            .waitForFlush(false)
            .build();
    CompletableFuture<AppendResult> future;
    synchronized (journalLock) {
      apply(entry);
      future =
          appender.append(request).whenComplete((result, error) -> journaled(entry, result, error));
      lastAppend = future;
    }
    return future;
  }

  private void journaled(OffsetJournalEntry entry, AppendResult result, Throwable error) {
    if (error == null && result.status().isStored()) {
      journalEnd.accumulateAndGet(result.queueOffset() + result.recordCount(), Math::max);
    } else {
      LOG.log(
          Level.WARNING,
          "offset journal append failed ({0}); {1} is durable only after the next snapshot",
          error != null ? error : result.status(),
          entry);
    }
  }

  private void persistQuietly() {
    try {
      persist();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "cannot write consumer offsets", e);
    }
  }

  /** For tests: every row, ordered. */
  List<OffsetKey> keys() {
    return new ArrayList<>(new TreeMap<>(offsets).keySet());
  }
}
