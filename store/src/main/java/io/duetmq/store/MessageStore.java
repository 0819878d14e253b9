package io.duetmq.store;

import io.duetmq.store.dispatch.DispatchService;
import io.duetmq.store.flush.AsyncFlushService;
import io.duetmq.store.flush.GroupCommitService;
import io.duetmq.store.index.KeyIndex;
import io.duetmq.store.log.CommitLog;
import io.duetmq.store.log.CommitLogDescriptor;
import io.duetmq.store.log.CommitLogWriterService;
import io.duetmq.store.log.MappedSegment;
import io.duetmq.store.log.MessageRecordEncoder;
import io.duetmq.store.log.PendingAppend;
import io.duetmq.store.log.WrittenBatchHandler;
import io.duetmq.store.queue.ConsumeQueue;
import io.duetmq.store.queue.ConsumeQueueEntry;
import io.duetmq.store.queue.ConsumeQueueTable;
import io.duetmq.store.recovery.CheckpointService;
import io.duetmq.store.recovery.StoreLock;
import io.duetmq.store.recovery.StoreRecovery;
import io.duetmq.store.retention.RetentionService;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The store: commit log, consume queues and key index in one directory, with the threads that keep
 * them (writer, flush, dispatcher, checkpoint, retention). Opening it recovers the directory;
 * closing it flushes everything and removes the abort marker. Thread-safe: appends and reads may
 * come from any thread.
 */
public final class MessageStore implements MessageAppender, QueueReader, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(MessageStore.class.getName());
  private static final int MAX_FILTER_SCAN = 800;

  private final StoreConfig config;
  private final StoreLock lock;
  private final StoreHealth health = new StoreHealth();
  private final CommitLog log;
  private final ConsumeQueueTable queues;
  private final KeyIndex index;
  private final DispatchService dispatcher;
  private final WrittenBatchHandler flushPolicy;
  private final CommitLogWriterService writer;
  private final CheckpointService checkpoints;
  private final RetentionService retention;
  private final ThreadLocal<ConsumeQueueEntry> entries =
      ThreadLocal.withInitial(ConsumeQueueEntry::new);
  private volatile boolean closed;

  private MessageStore(
      StoreConfig config, StoreLock lock, StoreRecovery.Recovered recovered, Clock clock) {
    this.config = config;
    this.lock = lock;
    this.log = recovered.log();
    this.queues = recovered.queues();
    this.index = recovered.index();
    this.dispatcher = recovered.dispatcher();
    this.flushPolicy = flushPolicy(config, log, health);
    byte[] storeAddress = config.storeHost().getAddress().getAddress();
    this.writer =
        new CommitLogWriterService(
            log,
            new MessageRecordEncoder(storeAddress, config.storeHost().getPort()),
            recovered.offsets(),
            flushPolicy,
            dispatcher::wakeup,
            health,
            clock);
    this.checkpoints =
        new CheckpointService(
            config.storeRoot(),
            log,
            dispatcher,
            queues,
            index,
            health,
            config.derivedFlushIntervalMillis());
    this.retention = new RetentionService(config, log, queues, index, clock);
  }

  private static WrittenBatchHandler flushPolicy(
      StoreConfig config, CommitLog log, StoreHealth health) {
    if (config.flushDiskType() == FlushDiskType.SYNC_FLUSH) {
      GroupCommitService service =
          new GroupCommitService(log, health, config.syncFlushTimeoutMillis());
      service.start();
      return service;
    }
    AsyncFlushService service =
        new AsyncFlushService(
            log,
            health,
            config.flushIntervalMillis(),
            config.flushLeastPages(),
            config.flushThoroughIntervalMillis());
    service.start();
    return service;
  }

  /** Locks and recovers the store directory, then starts its services. */
  public static MessageStore open(StoreConfig config, Clock clock) {
    StoreLock lock = StoreLock.acquire(config.storeRoot());
    try {
      StoreRecovery.Recovered recovered =
          StoreRecovery.recover(config, lock.uncleanShutdown(), clock);
      MessageStore store = new MessageStore(config, lock, recovered, clock);
      store.start();
      return store;
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  private void start() {
    dispatcher.start();
    writer.start();
    checkpoints.checkpoint();
    checkpoints.start();
    retention.start();
    LOG.log(
        Level.INFO,
        "store {0} open: commit log [{1}, {2}), {3} queues, {4}",
        config.storeRoot(),
        log.minOffset(),
        log.maxOffset(),
        queues.size(),
        config.flushDiskType());
  }

  public StoreConfig config() {
    return config;
  }

  public boolean isHealthy() {
    return health.isHealthy() && !closed;
  }

  /** Why writes stopped, or null. */
  public String fault() {
    return health.fault();
  }

  @Override
  public CompletableFuture<AppendResult> append(AppendRequest request) {
    PendingAppend pending = new PendingAppend(request);
    if (request.body().remaining() > config.maxMessageSize()) {
      pending.fail(AppendStatus.MESSAGE_ILLEGAL);
    } else if (request.properties().length > CommitLogDescriptor.MAX_PROPERTIES_LENGTH) {
      pending.fail(AppendStatus.PROPERTIES_SIZE_EXCEEDED);
    } else if (closed || !health.isHealthy()) {
      pending.fail(AppendStatus.SERVICE_NOT_AVAILABLE);
    } else {
      writer.submit(pending);
    }
    return pending.future();
  }

  @Override
  public CompletableFuture<List<AppendResult>> appendAll(List<AppendRequest> requests) {
    PendingAppend[] group = new PendingAppend[requests.size()];
    boolean rejected = closed || !health.isHealthy();
    for (int i = 0; i < group.length; i++) {
      AppendRequest request = requests.get(i);
      group[i] = new PendingAppend(request);
      if (request.body().remaining() > config.maxMessageSize()) {
        group[i].fail(AppendStatus.MESSAGE_ILLEGAL);
      } else if (request.properties().length > CommitLogDescriptor.MAX_PROPERTIES_LENGTH) {
        group[i].fail(AppendStatus.PROPERTIES_SIZE_EXCEEDED);
      } else if (rejected) {
        group[i].fail(AppendStatus.SERVICE_NOT_AVAILABLE);
      }
    }
    boolean anyFailed = false;
    for (PendingAppend pending : group) {
      anyFailed |= pending.future().isDone();
    }
    if (!anyFailed) {
      writer.submitAll(group);
    } else {
      // All or nothing: a batch with one bad record is refused whole, as RocketMQ does.
      for (PendingAppend pending : group) {
        pending.fail(AppendStatus.MESSAGE_ILLEGAL);
      }
    }
    CompletableFuture<?>[] futures = new CompletableFuture<?>[group.length];
    for (int i = 0; i < group.length; i++) {
      futures[i] = group[i].future();
    }
    return CompletableFuture.allOf(futures)
        .thenApply(
            ignored -> {
              List<AppendResult> results = new ArrayList<>(group.length);
              for (PendingAppend pending : group) {
                results.add(pending.future().join());
              }
              return results;
            });
  }

  @Override
  public QueueReadResult read(
      String topic,
      int queueId,
      long offset,
      int maxBytes,
      int maxRecords,
      QueueEntryFilter filter) {
    ConsumeQueue queue = queues.find(topic, queueId);
    if (queue == null) {
      return new QueueReadResult(ReadStatus.NO_MATCHED_LOGIC_QUEUE, List.of(), 0, 0, 0);
    }
    long min = queue.minOffset();
    long max = queue.maxOffset();
    if (max == 0 || queue.entryCount() == 0) {
      return new QueueReadResult(ReadStatus.NO_MESSAGE_IN_QUEUE, List.of(), 0, min, max);
    }
    if (offset < min) {
      return new QueueReadResult(ReadStatus.OFFSET_TOO_SMALL, List.of(), min, min, max);
    }
    if (offset == max) {
      return new QueueReadResult(ReadStatus.OFFSET_OVERFLOW_ONE, List.of(), offset, min, max);
    }
    if (offset > max) {
      return new QueueReadResult(
          ReadStatus.OFFSET_OVERFLOW_BADLY, List.of(), min == 0 ? min : max, min, max);
    }
    return readEntries(queue, offset, maxBytes, maxRecords, filter, min, max);
  }

  private QueueReadResult readEntries(
      ConsumeQueue queue,
      long offset,
      int maxBytes,
      int maxRecords,
      QueueEntryFilter filter,
      long min,
      long max) {
    ConsumeQueueEntry entry = entries.get();
    long number = queue.entryNumberOf(offset);
    long endNumber = queue.firstEntryNumber() + queue.entryCount();
    List<StoredRecord> records = new ArrayList<>(Math.min(maxRecords, 32));
    long next = offset;
    long bytes = 0;
    int scanned = 0;
    boolean missing = false;
    for (; number >= 0 && number < endNumber && records.size() < maxRecords; number++) {
      if (!queue.read(number, entry) || ++scanned > Math.max(MAX_FILTER_SCAN, maxRecords)) {
        break;
      }
      if (!records.isEmpty() && bytes + entry.size() > maxBytes) {
        break;
      }
      long entryNext = entry.baseLogicalOffset() + entry.records();
      if (filter != null && !filter.accept(entry.tagsCode())) {
        next = entryNext;
        continue;
      }
      ByteBuffer buffer = log.slice(entry.commitLogOffset(), entry.size());
      if (buffer == null) {
        missing = true;
        next = entryNext;
        continue;
      }
      records.add(
          new StoredRecord(
              entry.commitLogOffset(),
              entry.size(),
              entry.baseLogicalOffset(),
              entry.records(),
              entry.tagsCode(),
              entry.storeTimestamp(),
              buffer));
      bytes += entry.size();
      next = entryNext;
    }
    ReadStatus status =
        !records.isEmpty()
            ? ReadStatus.FOUND
            : missing ? ReadStatus.OFFSET_FOUND_NULL : ReadStatus.NO_MATCHED_MESSAGE;
    return new QueueReadResult(status, records, next, min, max);
  }

  @Override
  public long minOffset(String topic, int queueId) {
    ConsumeQueue queue = queues.find(topic, queueId);
    return queue == null ? 0 : queue.minOffset();
  }

  @Override
  public long maxOffset(String topic, int queueId) {
    ConsumeQueue queue = queues.find(topic, queueId);
    return queue == null ? 0 : queue.maxOffset();
  }

  @Override
  public long offsetForTimestamp(String topic, int queueId, long timestamp) {
    ConsumeQueue queue = queues.find(topic, queueId);
    return queue == null ? 0 : queue.offsetForTimestamp(timestamp);
  }

  @Override
  public long storeTimestampAt(String topic, int queueId, long offset) {
    ConsumeQueue queue = queues.find(topic, queueId);
    if (queue == null) {
      return -1;
    }
    ConsumeQueueEntry entry = entries.get();
    long number = queue.entryNumberOf(offset);
    return number >= 0 && queue.read(number, entry) ? entry.storeTimestamp() : -1;
  }

  @Override
  public StoredRecord lookup(long commitLogOffset) {
    MappedSegment segment = log.segmentFor(commitLogOffset);
    if (segment == null
        || commitLogOffset + CommitLogDescriptor.MIN_RECORD_LENGTH > log.maxOffset()) {
      return null;
    }
    int size = segment.buffer().getInt((int) (commitLogOffset - segment.startOffset()));
    ByteBuffer buffer = log.slice(commitLogOffset, size);
    if (buffer == null || size < CommitLogDescriptor.MIN_RECORD_LENGTH) {
      return null;
    }
    long queueOffset = buffer.getLong(CommitLogDescriptor.QUEUE_OFFSET_OFFSET);
    int sysFlag = buffer.getInt(CommitLogDescriptor.SYSFLAG_OFFSET);
    long storeTimestamp = buffer.getLong(CommitLogDescriptor.storeTimestampOffset(sysFlag));
    int count =
        (sysFlag & CommitLogDescriptor.SYSFLAG_MULTI_RECORD_BATCH) != 0
            ? buffer.getInt(CommitLogDescriptor.FLAG_OFFSET)
            : 1;
    return new StoredRecord(commitLogOffset, size, queueOffset, count, 0, storeTimestamp, buffer);
  }

  /**
   * Records whose {@code KEYS} or {@code UNIQ_KEY} hash like {@code key} in {@code topic}, stored
   * within {@code [beginTimestamp, endTimestamp]}, newest first. Hash collisions are possible:
   * callers check the key on the record.
   */
  public List<StoredRecord> queryByKey(
      String topic, String key, int maxNum, long beginTimestamp, long endTimestamp) {
    List<StoredRecord> found = new ArrayList<>();
    for (long offset : index.query(topic + '#' + key, maxNum, beginTimestamp, endTimestamp)) {
      StoredRecord record = lookup(offset);
      if (record != null) {
        found.add(record);
      }
    }
    return found;
  }

  @Override
  public void addArrivalListener(ArrivalListener listener) {
    dispatcher.addListener(listener);
  }

  /** Commit-log offset of the first retained byte. */
  public long commitLogMinOffset() {
    return log.minOffset();
  }

  /** Commit-log offset one past the last written byte. */
  public long commitLogMaxOffset() {
    return log.maxOffset();
  }

  /** Commit-log offset up to which consume queues and index are built. */
  public long dispatchedOffset() {
    return dispatcher.dispatchedOffset();
  }

  /** Every (topic, queueId) that has a consume queue. */
  public List<ConsumeQueue> queues() {
    List<ConsumeQueue> all = new ArrayList<>();
    queues.forEach(all::add);
    return all;
  }

  /**
   * Deletes a topic's consume queues and resets its offsets, so that a topic created again with the
   * same name starts at offset 0. Its records stay in the commit log until retention removes them
   * (they are no longer reachable). The caller stops traffic to the topic first; a record
   * dispatched concurrently may recreate an empty queue.
   */
  public void deleteTopic(String topic) {
    writer.forgetTopic(topic);
    queues.deleteTopic(topic);
  }

  /** Runs retention once now (tests and operators); returns how many segments were deleted. */
  public int deleteExpiredFiles() {
    return retention.runOnce();
  }

  /** Stops the services, flushes everything, writes the checkpoint and removes the abort marker. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    retention.close();
    writer.close();
    flushPolicy.close();
    boolean healthy = health.isHealthy();
    if (healthy) {
      log.flush(log.maxOffset());
    }
    dispatcher.close();
    checkpoints.close();
    if (healthy) {
      checkpoints.checkpoint();
    }
    queues.close();
    index.close();
    log.close();
    if (healthy) {
      lock.releaseClean();
    } else {
      lock.close();
    }
    LOG.log(Level.INFO, "store {0} closed at offset {1}", config.storeRoot(), log.maxOffset());
  }
}
