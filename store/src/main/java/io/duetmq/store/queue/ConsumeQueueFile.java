package io.duetmq.store.queue;

import static io.duetmq.store.queue.ConsumeQueueDescriptor.ENTRY_LENGTH;
import static io.duetmq.store.queue.ConsumeQueueDescriptor.slotPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One memory-mapped consume-queue file of {@code entriesPerFile} slots.
 *
 * <p>Every access uses absolute buffer methods, so any number of threads may read while the owning
 * writer writes other slots. The channel is closed right after mapping; the mapping stays valid
 * until the buffer is garbage-collected, which is why a deleted file can still be read safely by a
 * reader that raced with its deletion.
 */
final class ConsumeQueueFile {

  private final Path path;
  private final long fileIndex;
  private final int entriesPerFile;
  private final MappedByteBuffer buffer;

  private ConsumeQueueFile(Path path, long fileIndex, int entriesPerFile, MappedByteBuffer buffer) {
    this.path = path;
    this.fileIndex = fileIndex;
    this.entriesPerFile = entriesPerFile;
    this.buffer = buffer;
  }

  /** Creates (or empties) the file of {@code fileIndex} in {@code dir} at full size, all zeros. */
  static ConsumeQueueFile create(Path dir, long fileIndex, int entriesPerFile) {
    Path path = pathOf(dir, fileIndex, entriesPerFile);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create consume queue directory " + dir, e);
    }
    return new ConsumeQueueFile(
        path,
        fileIndex,
        entriesPerFile,
        mapFull(
            path,
            entriesPerFile,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE));
  }

  /** Maps an existing file, extending it with zeros to full size if it is shorter. */
  static ConsumeQueueFile map(Path path, long fileIndex, int entriesPerFile) {
    return new ConsumeQueueFile(
        path,
        fileIndex,
        entriesPerFile,
        mapFull(path, entriesPerFile, StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  static Path pathOf(Path dir, long fileIndex, int entriesPerFile) {
    return dir.resolve(
        ConsumeQueueDescriptor.fileName(
            ConsumeQueueDescriptor.fileStartOffset(fileIndex, entriesPerFile)));
  }

  private static MappedByteBuffer mapFull(Path path, int entriesPerFile, OpenOption... options) {
    int fileSize = ConsumeQueueDescriptor.fileSize(entriesPerFile);
    try (FileChannel channel = FileChannel.open(path, options)) {
      // Mapping READ_WRITE beyond the end extends the file, so it always has its full size.
      return channel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map consume queue file " + path, e);
    }
  }

  Path path() {
    return path;
  }

  long fileIndex() {
    return fileIndex;
  }

  /** Entry number of slot 0. */
  long firstEntryNumber() {
    return fileIndex * entriesPerFile;
  }

  void write(
      int slot,
      long commitLogOffset,
      int size,
      long tagsCode,
      long storeTimestamp,
      long baseLogicalOffset,
      int records) {
    ConsumeQueueDescriptor.putEntry(
        buffer,
        slotPosition(slot),
        commitLogOffset,
        size,
        tagsCode,
        storeTimestamp,
        baseLogicalOffset,
        records);
  }

  void readInto(int slot, long entryNumber, ConsumeQueueEntry into) {
    int position = slotPosition(slot);
    into.set(
        entryNumber,
        ConsumeQueueDescriptor.commitLogOffset(buffer, position),
        ConsumeQueueDescriptor.size(buffer, position),
        ConsumeQueueDescriptor.tagsCode(buffer, position),
        ConsumeQueueDescriptor.storeTimestamp(buffer, position),
        ConsumeQueueDescriptor.baseLogicalOffset(buffer, position),
        ConsumeQueueDescriptor.records(buffer, position));
  }

  long commitLogOffset(int slot) {
    return ConsumeQueueDescriptor.commitLogOffset(buffer, slotPosition(slot));
  }

  int size(int slot) {
    return ConsumeQueueDescriptor.size(buffer, slotPosition(slot));
  }

  long storeTimestamp(int slot) {
    return ConsumeQueueDescriptor.storeTimestamp(buffer, slotPosition(slot));
  }

  long baseLogicalOffset(int slot) {
    return ConsumeQueueDescriptor.baseLogicalOffset(buffer, slotPosition(slot));
  }

  int records(int slot) {
    return ConsumeQueueDescriptor.records(buffer, slotPosition(slot));
  }

  /** Commit-log offset just past the record of the entry at {@code slot}. */
  long commitLogEnd(int slot) {
    return commitLogOffset(slot) + size(slot);
  }

  boolean isZero(int slot) {
    return ConsumeQueueDescriptor.isZero(buffer, slotPosition(slot));
  }

  /**
   * Zeroes every non-zero slot from {@code fromSlot} on and forces the zeroed range to disk, so a
   * crash cannot bring dropped entries back. Zero slots are only read, which keeps the untouched
   * tail of a sparse file unallocated.
   *
   * @return how many non-zero slots were zeroed
   */
  int zeroFrom(int fromSlot) {
    int zeroed = 0;
    int lastZeroed = -1;
    for (int slot = fromSlot; slot < entriesPerFile; slot++) {
      if (!isZero(slot)) {
        ConsumeQueueDescriptor.zero(buffer, slotPosition(slot));
        zeroed++;
        lastZeroed = slot;
      }
    }
    if (zeroed > 0) {
      force(fromSlot, lastZeroed + 1);
    }
    return zeroed;
  }

  /** Forces the slots {@code [fromSlot, toSlot)} to disk. */
  void force(int fromSlot, int toSlot) {
    if (toSlot > fromSlot) {
      buffer.force(slotPosition(fromSlot), (toSlot - fromSlot) * ENTRY_LENGTH);
    }
  }

  void delete() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete consume queue file " + path, e);
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
