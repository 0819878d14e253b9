package io.duetmq.store.retention;

import io.duetmq.store.StoreConfig;
import io.duetmq.store.index.KeyIndex;
import io.duetmq.store.log.CommitLog;
import io.duetmq.store.log.MappedSegment;
import io.duetmq.store.queue.ConsumeQueueTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Deletes whole expired commit-log segments, oldest first, and then the consume-queue and index
 * files that only point below the new start of the log. A segment goes when it is older than {@code
 * fileReservedHours} and either the hour is one of {@code deleteWhen} or the disk is fuller than
 * {@code diskMaxUsedSpaceRatio}; above {@code diskForceCleanRatio} the oldest segments go even if
 * not expired. The segment being written is never deleted. At most ten segments per run.
 */
public final class RetentionService implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RetentionService.class.getName());
  private static final int MAX_DELETES_PER_RUN = 10;

  private final StoreConfig config;
  private final CommitLog log;
  private final ConsumeQueueTable queues;
  private final KeyIndex index;
  private final Clock clock;
  private final Set<Integer> deleteHours;
  private final Thread thread;
  private volatile boolean running = true;

  public RetentionService(
      StoreConfig config, CommitLog log, ConsumeQueueTable queues, KeyIndex index, Clock clock) {
    this.config = config;
    this.log = log;
    this.queues = queues;
    this.index = index;
    this.clock = clock;
    this.deleteHours =
        Arrays.stream(config.deleteWhen().split(";"))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(Integer::valueOf)
            .collect(Collectors.toUnmodifiableSet());
    this.thread = new Thread(this::run, "duetmq-retention");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    long interval = TimeUnit.MILLISECONDS.toNanos(config.cleanIntervalMillis());
    while (running) {
      LockSupport.parkNanos(this, interval);
      if (running) {
        try {
          runOnce();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "retention run failed", e);
        }
      }
    }
  }

  /** One retention pass; returns the number of segments deleted. */
  public synchronized int runOnce() {
    int deleted = 0;
    while (deleted < MAX_DELETES_PER_RUN) {
      List<MappedSegment> segments = log.segments();
      if (segments.size() < 2 || !shouldDelete(segments.get(0))) {
        break;
      }
      MappedSegment oldest = segments.get(0);
      if (!log.deleteOldest()) {
        break;
      }
      LOG.log(Level.INFO, "retention deleted commit-log segment {0}", oldest.file());
      deleted++;
    }
    if (deleted > 0) {
      long min = log.minOffset();
      queues.deleteAllFilesBelow(min);
      index.deleteFilesBelow(min);
    }
    return deleted;
  }

  private boolean shouldDelete(MappedSegment segment) {
    int usedPercent = diskUsedPercent();
    if (usedPercent > config.diskForceCleanRatio()) {
      return true;
    }
    long ageMillis = clock.millis() - lastModified(segment);
    boolean expired = ageMillis > TimeUnit.HOURS.toMillis(config.fileReservedHours());
    int hour = ZonedDateTime.now(clock).getHour();
    return expired && (deleteHours.contains(hour) || usedPercent > config.diskMaxUsedSpaceRatio());
  }

  private static long lastModified(MappedSegment segment) {
    try {
      return Files.getLastModifiedTime(segment.file()).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stat " + segment.file(), e);
    }
  }

  private int diskUsedPercent() {
    try {
      FileStore store = Files.getFileStore(log.dir());
      long total = store.getTotalSpace();
      return total == 0 ? 0 : (int) ((total - store.getUsableSpace()) * 100 / total);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read disk usage of " + log.dir(), e);
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
