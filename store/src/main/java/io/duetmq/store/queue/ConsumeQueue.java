package io.duetmq.store.queue;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.StampedLock;
import java.util.function.LongUnaryOperator;

/**
 * The consume queue of one (topic, queueId): one {@link ConsumeQueueDescriptor 40-byte entry} per
 * commit-log record of the queue, in memory-mapped files of {@code entriesPerFile} entries.
 *
 * <p>Threading. {@link #append}, {@link #truncateFrom} are called by one thread only, the
 * dispatcher that follows the commit-log writer; the class is not safe for several writers. Any
 * number of reader threads may call {@link #read}, {@link #entryNumberOf}, {@link
 * #offsetForTimestamp} and the getters at the same time, and a retention thread may call {@link
 * #deleteFilesBelow} and a flush thread {@link #flush}. An append writes its 40 bytes and then
 * publishes them through volatile fields (entry count first, max offset last), so a reader that
 * sees an offset below {@link #maxOffset()} always finds its complete entry. Changes that remove
 * entries or files take the write side of a {@link StampedLock}; readers run optimistically against
 * it and repeat under the read lock only if such a change overlapped them. Readers use absolute
 * buffer access only, so they never disturb each other.
 *
 * <p>Mapped buffers are never unmapped explicitly (the JDK offers no supported way); a deleted or
 * closed file stays mapped until its buffer is garbage-collected, which keeps racing readers safe.
 *
 * <p>I/O failures surface as {@link java.io.UncheckedIOException}.
 */
public final class ConsumeQueue implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ConsumeQueue.class.getName());

  private final Path dir;
  private final String topic;
  private final int queueId;
  private final int entriesPerFile;
  private final StampedLock lock = new StampedLock();
  private final Object flushLock = new Object();
  private final LongUnaryOperator entryNumberLookup = this::entryNumberOfUnlocked;
  private final LongUnaryOperator timestampLookup = this::offsetForTimestampUnlocked;

  private volatile ConsumeQueueFileTable files;
  private volatile long firstEntryNumber;
  private volatile long minOffset;
  private volatile long endEntryNumber;
  private volatile long maxOffset;
  private volatile long lastCommitLogEnd;
  private volatile boolean closed;
  private final boolean repaired;

  /** Commit-log offset of the last entry, -1 if none. Dispatcher thread only. */
  private long lastCommitLogOffset;

  /** Entries below this number are known to be on disk. Guarded by {@link #flushLock}. */
  private long flushedEntryNumber;

  private ConsumeQueue(
      Path dir,
      String topic,
      int queueId,
      int entriesPerFile,
      ConsumeQueueRecovery.Recovered recovered) {
    this.dir = dir;
    this.topic = topic;
    this.queueId = queueId;
    this.entriesPerFile = entriesPerFile;
    this.files = recovered.files();
    this.repaired = recovered.repaired();
    this.firstEntryNumber = recovered.firstEntryNumber();
    this.endEntryNumber = recovered.endEntryNumber();
    this.flushedEntryNumber = recovered.endEntryNumber();
    this.lastCommitLogOffset = -1;
    if (recovered.endEntryNumber() > recovered.firstEntryNumber()) {
      long last = recovered.endEntryNumber() - 1;
      ConsumeQueueFile lastFile = fileOf(files, last);
      int lastSlot = slot(last);
      this.lastCommitLogOffset = lastFile.commitLogOffset(lastSlot);
      this.lastCommitLogEnd = lastFile.commitLogEnd(lastSlot);
      this.maxOffset = lastFile.baseLogicalOffset(lastSlot) + lastFile.records(lastSlot);
      this.minOffset =
          fileOf(files, recovered.firstEntryNumber())
              .baseLogicalOffset(slot(recovered.firstEntryNumber()));
    }
  }

  /**
   * Opens the queue stored in {@code queueDir}, keeping exactly the valid prefix of its files (see
   * {@link ConsumeQueueRecovery}); a missing directory is an empty queue, created on the first
   * append.
   *
   * @throws IllegalArgumentException if {@code queueId} is negative or {@code entriesPerFile} out
   *     of range
   * @throws IllegalStateException if the files were written with another {@code entriesPerFile}
   */
  public static ConsumeQueue open(Path queueDir, String topic, int queueId, int entriesPerFile) {
    Objects.requireNonNull(queueDir, "queueDir");
    Objects.requireNonNull(topic, "topic");
    if (queueId < 0) {
      throw new IllegalArgumentException("queueId must be >= 0: " + queueId);
    }
    ConsumeQueueDescriptor.fileSize(entriesPerFile);
    return new ConsumeQueue(
        queueDir,
        topic,
        queueId,
        entriesPerFile,
        ConsumeQueueRecovery.recover(queueDir, entriesPerFile));
  }

  /**
   * Appends the entry of one commit-log record. Dispatcher thread only.
   *
   * <p>An empty queue takes any base offset. Otherwise a base below {@link #maxOffset()} is a
   * duplicate (the dispatcher replays records after recovery) and is ignored, and a base above it
   * leaves a gap, which is logged and accepted.
   *
   * @return true if the entry was appended, false if it was a duplicate
   * @throws IllegalArgumentException if a value is out of range, or the commit-log offset of a
   *     non-duplicate is not after the last entry's
   * @throws IllegalStateException if the queue is closed
   */
  public boolean append(
      long commitLogOffset,
      int size,
      long tagsCode,
      long storeTimestamp,
      long baseLogicalOffset,
      int records) {
    if (closed) {
      throw new IllegalStateException("consume queue " + this + " is closed");
    }
    String invalid =
        ConsumeQueueDescriptor.invalidReason(
            -1, 0, commitLogOffset, size, baseLogicalOffset, records);
    if (invalid != null) {
      throw new IllegalArgumentException("consume queue " + this + ": " + invalid);
    }
    long entryNumber = endEntryNumber;
    boolean empty = entryNumber == firstEntryNumber;
    if (!empty && !acceptsAfterLast(commitLogOffset, baseLogicalOffset)) {
      return false;
    }
    ConsumeQueueFile file = fileForAppend(entryNumber);
    file.write(
        slot(entryNumber),
        commitLogOffset,
        size,
        tagsCode,
        storeTimestamp,
        baseLogicalOffset,
        records);
    if (empty) {
      minOffset = baseLogicalOffset;
    }
    lastCommitLogOffset = commitLogOffset;
    lastCommitLogEnd = commitLogOffset + size;
    // Publish order matters: a reader that sees the new maxOffset must also see the entry.
    endEntryNumber = entryNumber + 1;
    maxOffset = baseLogicalOffset + records;
    return true;
  }

  private boolean acceptsAfterLast(long commitLogOffset, long baseLogicalOffset) {
    long next = maxOffset;
    if (baseLogicalOffset < next) {
      return false;
    }
    if (commitLogOffset <= lastCommitLogOffset) {
      throw new IllegalArgumentException(
          "consume queue "
              + this
              + ": commitLogOffset "
              + commitLogOffset
              + " of base "
              + baseLogicalOffset
              + " is not after the last entry's "
              + lastCommitLogOffset);
    }
    if (baseLogicalOffset > next) {
      LOG.log(
          Level.WARNING,
          () ->
              "consume queue "
                  + this
                  + ": gap in logical offsets, expected "
                  + next
                  + " but got "
                  + baseLogicalOffset
                  + " at commitLogOffset "
                  + commitLogOffset);
    }
    return true;
  }

  private ConsumeQueueFile fileForAppend(long entryNumber) {
    long fileIndex = entryNumber / entriesPerFile;
    ConsumeQueueFile last = files.last();
    if (last != null && last.fileIndex() == fileIndex) {
      return last;
    }
    if (last != null && last.fileIndex() != fileIndex - 1) {
      throw new IllegalStateException(
          "consume queue " + this + ": entry " + entryNumber + " does not follow file " + last);
    }
    // Creating the file outside the lock keeps readers optimistic while it is allocated.
    ConsumeQueueFile created = ConsumeQueueFile.create(dir, fileIndex, entriesPerFile);
    long stamp = lock.writeLock();
    try {
      files = files.withAppended(created);
    } finally {
      lock.unlockWrite(stamp);
    }
    return created;
  }

  /**
   * Copies entry number {@code entryNumber} into {@code into}.
   *
   * @return false if the queue does not (or no longer) hold that entry; {@code into} is then
   *     unspecified
   */
  public boolean read(long entryNumber, ConsumeQueueEntry into) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0) {
      boolean found = readUnlocked(entryNumber, into);
      if (lock.validate(stamp)) {
        return found;
      }
    }
    stamp = lock.readLock();
    try {
      return readUnlocked(entryNumber, into);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private boolean readUnlocked(long entryNumber, ConsumeQueueEntry into) {
    // endEntryNumber is read first: it is what makes the entry's bytes visible.
    if (entryNumber >= endEntryNumber || entryNumber < firstEntryNumber) {
      return false;
    }
    ConsumeQueueFile file = fileOf(files, entryNumber);
    if (file == null) {
      return false;
    }
    file.readInto(slot(entryNumber), entryNumber, into);
    return true;
  }

  /**
   * Number of the entry holding logical offset {@code logicalOffset}. An offset in a gap maps to
   * the first entry after the gap.
   *
   * @return the entry number, or -1 if the offset is below {@link #minOffset()} or not below {@link
   *     #maxOffset()}
   */
  public long entryNumberOf(long logicalOffset) {
    return optimistically(entryNumberLookup, logicalOffset);
  }

  private long entryNumberOfUnlocked(long offset) {
    long max = maxOffset;
    if (closed) {
      return -1;
    }
    long first = firstEntryNumber;
    long min = minOffset;
    long end = endEntryNumber;
    if (offset < min || offset >= max || end <= first) {
      return -1;
    }
    ConsumeQueueFileTable table = files;
    // Every entry holds at least one record, so base(n) >= min + (n - first): the entry holding
    // the offset is at most this candidate, which is the exact answer when all entries hold one.
    long candidate = Math.min(end - 1, first + (offset - min));
    ConsumeQueueFile file = fileOf(table, candidate);
    if (file == null) {
      return -1;
    }
    if (file.baseLogicalOffset(slot(candidate)) > offset) {
      candidate = lastEntryWithBaseAtMost(table, first, candidate - 1, offset);
      file = candidate < 0 ? null : fileOf(table, candidate);
      if (file == null) {
        return -1;
      }
    }
    int slot = slot(candidate);
    return offset < file.baseLogicalOffset(slot) + file.records(slot) ? candidate : candidate + 1;
  }

  /** Binary search in [lo, hi] given base(lo) <= offset; -1 if a file is missing. */
  private long lastEntryWithBaseAtMost(ConsumeQueueFileTable table, long lo, long hi, long offset) {
    while (lo < hi) {
      long mid = (lo + hi + 1) >>> 1;
      ConsumeQueueFile file = fileOf(table, mid);
      if (file == null) {
        return -1;
      }
      if (file.baseLogicalOffset(slot(mid)) <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * The logical offset of the first entry whose store timestamp is at least {@code timestamp}
   * (store timestamps do not decrease within a queue), or {@link #maxOffset()} if there is none.
   */
  public long offsetForTimestamp(long timestamp) {
    return optimistically(timestampLookup, timestamp);
  }

  private long offsetForTimestampUnlocked(long timestamp) {
    long first = firstEntryNumber;
    long end = endEntryNumber;
    if (closed || end <= first) {
      return maxOffset;
    }
    ConsumeQueueFileTable table = files;
    long lo = first;
    long hi = end;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      ConsumeQueueFile file = fileOf(table, mid);
      if (file == null) {
        return -1;
      }
      if (file.storeTimestamp(slot(mid)) >= timestamp) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    long entry = lo < end ? lo : end - 1;
    ConsumeQueueFile file = fileOf(table, entry);
    if (file == null) {
      return -1;
    }
    long base = file.baseLogicalOffset(slot(entry));
    return lo < end ? base : base + file.records(slot(entry));
  }

  private long optimistically(LongUnaryOperator lookup, long argument) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0) {
      long result = lookup.applyAsLong(argument);
      if (lock.validate(stamp)) {
        return result;
      }
    }
    stamp = lock.readLock();
    try {
      return lookup.applyAsLong(argument);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /**
   * Drops every entry whose commit-log offset is at least {@code commitLogOffset}, after the commit
   * log was truncated there. The dropped bytes are zeroed and forced, files left without entries
   * are deleted, and the queue stays usable: the next append continues at the new {@link
   * #maxOffset()}. Dispatcher thread only.
   *
   * @throws IllegalStateException if the queue is closed
   */
  public void truncateFrom(long commitLogOffset) {
    ConsumeQueueFileTable doomed;
    long from;
    long dropped;
    // flushLock first, so a concurrent flush cannot move the flushed mark past the new end.
    synchronized (flushLock) {
      long stamp = lock.writeLock();
      try {
        if (closed) {
          throw new IllegalStateException("consume queue " + this + " is closed");
        }
        long end = endEntryNumber;
        from = firstEntryAtOrAfter(commitLogOffset);
        if (from == end) {
          return;
        }
        dropped = end - from;
        doomed = dropFrom(from);
      } finally {
        lock.unlockWrite(stamp);
      }
      flushedEntryNumber = Math.min(flushedEntryNumber, from);
    }
    for (int i = 0; i < doomed.size(); i++) {
      doomed.get(i).delete();
    }
    long droppedEntries = dropped;
    long fromEntry = from;
    LOG.log(
        Level.INFO,
        () ->
            "consume queue "
                + this
                + ": truncated "
                + droppedEntries
                + " entries from entry "
                + fromEntry
                + " (commitLogOffset >= "
                + commitLogOffset
                + ")");
  }

  /** Under the write lock: first entry number whose commit-log offset is >= the argument. */
  private long firstEntryAtOrAfter(long commitLogOffset) {
    ConsumeQueueFileTable table = files;
    long lo = firstEntryNumber;
    long hi = endEntryNumber;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (fileOf(table, mid).commitLogOffset(slot(mid)) >= commitLogOffset) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Under the write lock: removes entries [from, end); returns the files to delete. */
  private ConsumeQueueFileTable dropFrom(long from) {
    ConsumeQueueFileTable table = files;
    ConsumeQueueFile holder = fileOf(table, from);
    long newMax = holder.baseLogicalOffset(slot(from));
    endEntryNumber = from;
    maxOffset = newMax;
    if (from > firstEntryNumber) {
      ConsumeQueueFile previous = fileOf(table, from - 1);
      lastCommitLogOffset = previous.commitLogOffset(slot(from - 1));
      lastCommitLogEnd = previous.commitLogEnd(slot(from - 1));
    } else {
      lastCommitLogOffset = -1;
      lastCommitLogEnd = 0;
      minOffset = newMax;
    }
    long keptFiles = from / entriesPerFile;
    if (slot(from) != 0) {
      holder.zeroFrom(slot(from));
      keptFiles++;
    }
    ConsumeQueueFileTable kept = table.withoutFilesFrom(keptFiles);
    files = kept;
    return table.withoutHead(kept.size());
  }

  /**
   * Retention: deletes whole head files whose last entry ends at or below {@code
   * minCommitLogOffset} (the commit log no longer holds their records). The file holding the last
   * entry, and any newer one, is never deleted. {@link #minOffset()} moves to the first entry kept;
   * entry numbers do not change. Safe to call from any one thread besides the dispatcher.
   *
   * @return how many files were deleted
   */
  public int deleteFilesBelow(long minCommitLogOffset) {
    ConsumeQueueFileTable doomed;
    long stamp = lock.writeLock();
    try {
      long end = endEntryNumber;
      if (closed || end == firstEntryNumber) {
        return 0;
      }
      long lastEntryFile = (end - 1) / entriesPerFile;
      ConsumeQueueFileTable table = files;
      int count = 0;
      while (count < table.size()
          && table.get(count).fileIndex() < lastEntryFile
          && table.get(count).commitLogEnd(entriesPerFile - 1) <= minCommitLogOffset) {
        count++;
      }
      if (count == 0) {
        return 0;
      }
      ConsumeQueueFileTable kept = table.withoutHead(count);
      ConsumeQueueFile head = kept.get(0);
      firstEntryNumber = head.firstEntryNumber();
      minOffset = head.baseLogicalOffset(0);
      files = kept;
      doomed = table.withoutFilesFrom(head.fileIndex());
    } finally {
      lock.unlockWrite(stamp);
    }
    for (int i = 0; i < doomed.size(); i++) {
      doomed.get(i).delete();
    }
    int deleted = doomed.size();
    LOG.log(
        Level.DEBUG,
        () ->
            "consume queue "
                + this
                + ": deleted "
                + deleted
                + " files below commitLogOffset "
                + minCommitLogOffset);
    return doomed.size();
  }

  /** Forces the entries appended since the last flush to disk. Any one thread at a time. */
  public void flush() {
    synchronized (flushLock) {
      long end = endEntryNumber;
      long from = Math.max(flushedEntryNumber, firstEntryNumber);
      if (closed || from >= end) {
        return;
      }
      ConsumeQueueFileTable table = files;
      for (long fileIndex = from / entriesPerFile;
          fileIndex <= (end - 1) / entriesPerFile;
          fileIndex++) {
        ConsumeQueueFile file = table.fileOf(fileIndex);
        if (file != null) {
          long fileFirst = file.firstEntryNumber();
          file.force(
              (int) (Math.max(from, fileFirst) - fileFirst),
              (int) (Math.min(end, fileFirst + entriesPerFile) - fileFirst));
        }
      }
      flushedEntryNumber = end;
    }
  }

  /** Flushes, then releases the files; later reads find nothing and appends fail. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    flush();
    long stamp = lock.writeLock();
    try {
      closed = true;
      files = ConsumeQueueFileTable.EMPTY;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Base logical offset of the first retained entry; {@link #maxOffset()} when empty. */
  public long minOffset() {
    return minOffset;
  }

  /** The next logical offset: base + records of the last entry (exclusive upper bound). */
  public long maxOffset() {
    return maxOffset;
  }

  /** Number of entries retained. */
  public long entryCount() {
    return endEntryNumber - firstEntryNumber;
  }

  /** Commit-log offset just past the record of the last entry, 0 if there is none. */
  /**
   * Whether opening the queue had to drop invalid entries (its tail must then be re-derived from
   * the log).
   */
  public boolean wasRepaired() {
    return repaired;
  }

  public long lastCommitLogEnd() {
    return lastCommitLogEnd;
  }

  /** Entry number of the first retained entry (0 for a queue whose files were never deleted). */
  public long firstEntryNumber() {
    return firstEntryNumber;
  }

  /** Entry number the next append gets (exclusive upper bound of the entry numbers). */
  public long endEntryNumber() {
    return endEntryNumber;
  }

  public String topic() {
    return topic;
  }

  public int queueId() {
    return queueId;
  }

  public int entriesPerFile() {
    return entriesPerFile;
  }

  /** Directory holding this queue's files. */
  public Path directory() {
    return dir;
  }

  @Override
  public String toString() {
    return topic + "-" + queueId;
  }

  private int slot(long entryNumber) {
    return (int) (entryNumber % entriesPerFile);
  }

  private ConsumeQueueFile fileOf(ConsumeQueueFileTable table, long entryNumber) {
    return table.fileOf(entryNumber / entriesPerFile);
  }
}
