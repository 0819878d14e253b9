package io.duetmq.store.queue;

import java.util.Arrays;

/**
 * An immutable snapshot of the files of one consume queue, contiguous by file index.
 *
 * <p>The queue publishes a new snapshot through a volatile field whenever a file is added or
 * removed, so readers work on a consistent array without locking.
 */
final class ConsumeQueueFileTable {

  static final ConsumeQueueFileTable EMPTY = new ConsumeQueueFileTable(0, new ConsumeQueueFile[0]);

  private final long firstFileIndex;
  private final ConsumeQueueFile[] files;

  private ConsumeQueueFileTable(long firstFileIndex, ConsumeQueueFile[] files) {
    this.firstFileIndex = firstFileIndex;
    this.files = files;
  }

  static ConsumeQueueFileTable of(ConsumeQueueFile... files) {
    if (files.length == 0) {
      return EMPTY;
    }
    for (int i = 1; i < files.length; i++) {
      if (files[i].fileIndex() != files[i - 1].fileIndex() + 1) {
        throw new IllegalStateException(
            "consume queue files are not contiguous: " + files[i - 1] + ", " + files[i]);
      }
    }
    return new ConsumeQueueFileTable(files[0].fileIndex(), files.clone());
  }

  /** The file of {@code fileIndex}, or null if the table has none. */
  ConsumeQueueFile fileOf(long fileIndex) {
    long i = fileIndex - firstFileIndex;
    return i >= 0 && i < files.length ? files[(int) i] : null;
  }

  int size() {
    return files.length;
  }

  boolean isEmpty() {
    return files.length == 0;
  }

  ConsumeQueueFile get(int i) {
    return files[i];
  }

  /** The newest file, or null if the table is empty. */
  ConsumeQueueFile last() {
    return files.length == 0 ? null : files[files.length - 1];
  }

  ConsumeQueueFileTable withAppended(ConsumeQueueFile file) {
    if (files.length == 0) {
      return of(file);
    }
    ConsumeQueueFile[] grown = Arrays.copyOf(files, files.length + 1);
    grown[files.length] = file;
    return of(grown);
  }

  /** The table without its {@code count} oldest files. */
  ConsumeQueueFileTable withoutHead(int count) {
    return of(Arrays.copyOfRange(files, count, files.length));
  }

  /** The table without the files whose index is {@code fileIndex} or more. */
  ConsumeQueueFileTable withoutFilesFrom(long fileIndex) {
    long keep = Math.max(0, Math.min(files.length, fileIndex - firstFileIndex));
    return of(Arrays.copyOf(files, (int) keep));
  }
}
