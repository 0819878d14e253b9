package io.duetmq.store.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The key index of a store: the ordered list of {@link IndexFile}s under one directory, mapping
 * {@code topic#key} to the commit-log offsets of the records carrying that key. Derived data: any
 * file may be deleted and rebuilt by re-dispatching the commit log from {@link
 * #endCommitLogOffset()} (or from what {@link #truncateFrom} returns).
 *
 * <p>Invariant: accepted offsets never decrease (a put below {@link #endCommitLogOffset()} is
 * ignored), so within a file and across files (oldest to newest) entries are in commit-log order,
 * and each file's range starts where the previous one ended.
 *
 * <p>Thread-safety: {@link #put} and {@link #truncateFrom} belong to one writer thread (the
 * dispatcher; truncation runs during recovery before dispatching starts). {@link #query}, {@link
 * #endCommitLogOffset}, {@link #endTimestamp}, {@link #flush} and {@link #deleteFilesBelow} may be
 * called from any thread. The file list is an immutable snapshot in a volatile field; structural
 * changes (roll, truncate, retention, close) are serialized by a lock; appends to the newest file
 * are lock-free (see {@link IndexFile}). A query racing with a deletion may still answer from the
 * deleted file.
 */
public final class KeyIndex implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(KeyIndex.class.getName());

  private final Path directory;
  private final IndexConfig config;
  private final Clock clock;
  private final ZoneId zone;
  private final Object structureLock = new Object();
  private volatile List<IndexFile> files;
  private volatile boolean closed;

  private KeyIndex(Path directory, IndexConfig config, Clock clock, List<IndexFile> files) {
    this.directory = directory;
    this.config = config;
    this.clock = clock;
    this.zone = ZoneId.systemDefault();
    this.files = List.copyOf(files);
  }

  /**
   * Opens (creating the directory if needed) the index under {@code directory}. Files are loaded in
   * name order. A file whose length or header is inconsistent with {@code config}, or whose range
   * starts before the previous file's end, is deleted with a WARNING, and so is every newer file:
   * the index then ends where the last good file ends, and re-dispatching from {@link
   * #endCommitLogOffset()} rebuilds the rest.
   *
   * @param clock source of file names (creation time)
   */
  public static KeyIndex open(Path directory, IndexConfig config, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    List<IndexFile> loaded = new ArrayList<>();
    String dropped = null;
    for (Path path : listIndexFiles(directory)) {
      String reason =
          dropped != null
              ? "newer than dropped index file " + dropped
              : IndexFile.inspect(path, config).orElse(null);
      if (reason == null) {
        IndexFile file = IndexFile.open(path, config);
        reason = rangeDefect(file, loaded);
        if (reason == null) {
          loaded.add(file);
          continue;
        }
      }
      if (dropped == null) {
        dropped = path.getFileName().toString();
      }
      LOG.log(
          Level.WARNING,
          "Deleting index file {0}: {1}; it is rebuilt from the commit log",
          path,
          reason);
      deleteFile(path);
    }
    return new KeyIndex(directory, config, clock, loaded);
  }

  private static List<Path> listIndexFiles(Path directory) {
    try {
      Files.createDirectories(directory);
      try (Stream<Path> entries = Files.list(directory)) {
        return entries
            .filter(p -> IndexFileNames.isIndexFileName(p.getFileName().toString()))
            .filter(Files::isRegularFile)
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list index directory " + directory, e);
    }
  }

  private static String rangeDefect(IndexFile file, List<IndexFile> loaded) {
    if (loaded.isEmpty()) {
      return null;
    }
    long previousEnd = loaded.get(loaded.size() - 1).endPhyOffset();
    if (file.beginPhyOffset() < previousEnd) {
      return "begins at offset "
          + file.beginPhyOffset()
          + " before previous file's end "
          + previousEnd;
    }
    return null;
  }

  private static void deleteFile(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete index file " + path, e);
    }
  }

  /**
   * Indexes {@code key} (already {@code topic#key}) for the record at {@code commitLogOffset}.
   * Writer thread only. Starts a new file when the newest is full; the new file begins at the old
   * file's end timestamp and offset.
   *
   * @return false if ignored because {@code commitLogOffset} is below {@link #endCommitLogOffset()}
   *     (a record re-dispatched after a restart); several keys of one record share an offset and
   *     are all accepted
   */
  public boolean put(String key, long commitLogOffset, long storeTimestamp) {
    Objects.requireNonNull(key, "key");
    if (commitLogOffset < 0) {
      throw new IllegalArgumentException("commitLogOffset must be >= 0, got " + commitLogOffset);
    }
    ensureOpen();
    IndexFile newest = newest(files);
    if (newest != null && commitLogOffset < newest.endPhyOffset()) {
      return false;
    }
    if (newest == null || newest.isFull()) {
      newest = roll(commitLogOffset, storeTimestamp);
    }
    if (!newest.put(key, commitLogOffset, storeTimestamp)) {
      throw new IllegalStateException("fresh index file is full: " + newest);
    }
    return true;
  }

  private IndexFile roll(long commitLogOffset, long storeTimestamp) {
    synchronized (structureLock) {
      ensureOpen();
      List<IndexFile> current = files;
      IndexFile previous = newest(current);
      long beginTimestamp = previous == null ? storeTimestamp : previous.endTimestamp();
      long beginPhyOffset = previous == null ? commitLogOffset : previous.endPhyOffset();
      String newestName = previous == null ? null : previous.path().getFileName().toString();
      String name =
          IndexFileNames.next(clock, zone, newestName, n -> Files.exists(directory.resolve(n)));
      IndexFile created =
          IndexFile.create(directory.resolve(name), config, beginTimestamp, beginPhyOffset);
      List<IndexFile> next = new ArrayList<>(current);
      next.add(created);
      files = List.copyOf(next);
      return created;
    }
  }

  /**
   * Offsets of records that may carry {@code key} and were stored within {@code [beginTs, endTs]}
   * (milliseconds), newest first, distinct, at most {@code maxNum}. Files whose time range does not
   * overlap are skipped. Candidates only: different keys can share a hash, and entry times are kept
   * in whole seconds (an entry up to 999 ms outside the range may be returned), so the caller
   * checks each record. An empty range yields an empty list. Any thread.
   */
  public List<Long> query(String key, int maxNum, long beginTs, long endTs) {
    Objects.requireNonNull(key, "key");
    if (maxNum <= 0) {
      throw new IllegalArgumentException("maxNum must be > 0, got " + maxNum);
    }
    ensureOpen();
    List<IndexFile> snapshot = files;
    List<Long> out = new ArrayList<>(Math.min(maxNum, 64));
    for (int i = snapshot.size() - 1; i >= 0 && out.size() < maxNum; i--) {
      IndexFile file = snapshot.get(i);
      if (file.overlaps(beginTs, endTs)) {
        file.query(key, maxNum, beginTs, endTs, out);
      }
    }
    return out;
  }

  /**
   * The highest commit-log offset indexed so far (0 if none): re-dispatching resumes here. Any
   * thread.
   */
  public long endCommitLogOffset() {
    IndexFile newest = newest(files);
    return newest == null ? 0 : newest.endPhyOffset();
  }

  /**
   * The newest store timestamp indexed so far (0 if none); RocketMQ reports it as {@code
   * indexLastUpdateTimestamp}. Any thread.
   */
  public long endTimestamp() {
    IndexFile newest = newest(files);
    return newest == null ? 0 : newest.endTimestamp();
  }

  /** Number of index files currently in use. Any thread. */
  public int fileCount() {
    return files.size();
  }

  /**
   * Unclean-restart support: deletes every file whose end offset is at or above {@code
   * commitLogOffset}, i.e. every file that may reference records from there on. Writer thread,
   * before dispatching resumes.
   *
   * @return the commit-log offset from which records must be re-indexed: the begin offset of the
   *     oldest deleted file if that is lower, else {@code commitLogOffset}
   */
  public long truncateFrom(long commitLogOffset) {
    synchronized (structureLock) {
      ensureOpen();
      List<IndexFile> current = files;
      int keep = current.size();
      while (keep > 0 && current.get(keep - 1).endPhyOffset() >= commitLogOffset) {
        keep--;
      }
      long redoFrom = commitLogOffset;
      for (int i = current.size() - 1; i >= keep; i--) {
        IndexFile file = current.get(i);
        redoFrom = Math.min(redoFrom, file.beginPhyOffset());
        file.delete();
      }
      files = List.copyOf(current.subList(0, keep));
      return redoFrom;
    }
  }

  /**
   * Retention: deletes the files whose end offset is below {@code minCommitLogOffset} (they
   * reference only records that are gone), never the newest file. Any thread.
   *
   * @return how many files were deleted
   */
  public int deleteFilesBelow(long minCommitLogOffset) {
    synchronized (structureLock) {
      ensureOpen();
      List<IndexFile> current = files;
      List<IndexFile> kept = new ArrayList<>(current.size());
      int deleted = 0;
      for (int i = 0; i < current.size(); i++) {
        IndexFile file = current.get(i);
        if (i < current.size() - 1 && file.endPhyOffset() < minCommitLogOffset) {
          file.delete();
          deleted++;
        } else {
          kept.add(file);
        }
      }
      files = List.copyOf(kept);
      return deleted;
    }
  }

  /** Forces every file written since its last flush to disk. Any thread. */
  public void flush() {
    for (IndexFile file : files) {
      file.flush();
    }
  }

  /**
   * Flushes and closes every file; later calls other than {@code close} throw
   * IllegalStateException.
   */
  @Override
  public void close() {
    synchronized (structureLock) {
      if (closed) {
        return;
      }
      closed = true;
      for (IndexFile file : files) {
        file.close();
      }
      files = List.of();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("key index " + directory + " is closed");
    }
  }

  private static IndexFile newest(List<IndexFile> snapshot) {
    return snapshot.isEmpty() ? null : snapshot.get(snapshot.size() - 1);
  }

  @Override
  public String toString() {
    return "KeyIndex["
        + directory
        + ", "
        + files.size()
        + " files, end "
        + endCommitLogOffset()
        + "]";
  }
}
