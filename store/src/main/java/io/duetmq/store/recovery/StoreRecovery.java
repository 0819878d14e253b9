package io.duetmq.store.recovery;

import io.duetmq.store.StoreConfig;
import io.duetmq.store.dispatch.DispatchService;
import io.duetmq.store.index.IndexConfig;
import io.duetmq.store.index.KeyIndex;
import io.duetmq.store.log.CommitLog;
import io.duetmq.store.log.QueueOffsetTable;
import io.duetmq.store.queue.ConsumeQueueTable;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.time.Clock;

/**
 * Brings a store directory to a consistent state before any service starts: validates the commit
 * log from a safe point and cuts a torn or corrupt tail, then makes consume queues and index agree
 * with the log — entries past the valid end or past the last durable checkpoint are dropped and
 * re-derived by dispatching the log again. Derived files that are missing are rebuilt from the
 * whole log; their contents are never trusted beyond the checkpoint.
 *
 * <p>Where validation starts: after a clean shutdown, the segment holding the checkpoint's flushed
 * offset; after an unclean one, the segment holding the lower of the flushed and dispatched
 * offsets; with no DuetMQ checkpoint (a store written by Apache RocketMQ, or a first start), the
 * first segment.
 */
public final class StoreRecovery {
  private static final System.Logger LOG = System.getLogger(StoreRecovery.class.getName());

  /**
   * Everything recovery produced, ready for the services.
   *
   * @param log the commit log, positioned for writing at {@code end}
   * @param queues consume queues covering the whole log
   * @param index the key index covering the whole log
   * @param dispatcher the dispatcher, caught up to {@code end}
   * @param offsets next logical offset of every queue
   * @param end the recovered end of the log
   */
  public record Recovered(
      CommitLog log,
      ConsumeQueueTable queues,
      KeyIndex index,
      DispatchService dispatcher,
      QueueOffsetTable offsets,
      long end) {}

  private StoreRecovery() {}

  public static Recovered recover(StoreConfig config, boolean uncleanShutdown, Clock clock) {
    StoreCheckpoint.State checkpoint = StoreCheckpoint.read(config.storeRoot());
    CommitLog log = CommitLog.open(config.commitLogDir(), config.commitLogSegmentSize());
    long validateFrom = log.minOffset();
    if (checkpoint.present()) {
      validateFrom =
          uncleanShutdown
              ? Math.min(checkpoint.flushedOffset(), checkpoint.dispatchedOffset())
              : checkpoint.flushedOffset();
    }
    long end = new CommitLogRecovery(log, config.checkCrcOnRecover()).recover(validateFrom);

    boolean derivedMissing =
        !Files.isDirectory(config.consumeQueueDir()) || !Files.isDirectory(config.indexDir());
    ConsumeQueueTable queues =
        ConsumeQueueTable.open(config.consumeQueueDir(), config.consumeQueueEntriesPerFile());
    KeyIndex index =
        KeyIndex.open(
            config.indexDir(),
            new IndexConfig(config.indexMaxHashSlots(), config.indexMaxEntries()),
            clock);
    long dispatchStart = log.minOffset();
    if (checkpoint.present() && !derivedMissing) {
      dispatchStart = Math.max(log.minOffset(), Math.min(checkpoint.dispatchedOffset(), end));
    } else {
      LOG.log(
          Level.INFO,
          "rebuilding consume queues and index from commit-log offset {0}",
          dispatchStart);
    }
    dispatchStart = Math.min(dispatchStart, queues.minRepairedCommitLogEnd());
    queues.truncateAllFrom(dispatchStart);
    long indexStart = Math.max(log.minOffset(), index.truncateFrom(dispatchStart));
    DispatchService dispatcher =
        new DispatchService(log, queues, index, Math.min(dispatchStart, indexStart));
    dispatcher.dispatchTo(end);

    QueueOffsetTable offsets = new QueueOffsetTable();
    queues.forEach(queue -> offsets.set(queue.topic(), queue.queueId(), queue.maxOffset()));
    log.startWritingAt(end);
    return new Recovered(log, queues, index, dispatcher, offsets, end);
  }
}
