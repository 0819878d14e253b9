package io.duetmq.store.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One commit-log file, memory-mapped whole. The write position belongs to the commit-log writer
 * thread; readers only read below the position the writer published through {@link CommitLog}.
 * Reads use absolute indexes on the shared mapping, so any number of threads may read at once.
 *
 * <p>The mapping is never unmapped explicitly: slices handed to readers keep it alive, and deleting
 * the file only removes its name (the garbage collector unmaps it once no slice refers to it). This
 * trades prompt release of disk space for the impossibility of a reader touching unmapped memory.
 */
public final class MappedSegment {
  private final Path file;
  private final long startOffset;
  private final int size;
  private final MappedByteBuffer mapped;
  private volatile int flushedPosition;

  private MappedSegment(Path file, long startOffset, int size, MappedByteBuffer mapped) {
    this.file = file;
    this.startOffset = startOffset;
    this.size = size;
    this.mapped = mapped;
  }

  /**
   * Creates (full size, sparse) or opens the segment file for {@code startOffset} in {@code dir}.
   */
  public static MappedSegment open(Path dir, long startOffset, int size) {
    Path file = dir.resolve(CommitLogDescriptor.segmentFileName(startOffset));
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      if (channel.size() < size) {
        // Extending by writing the last byte makes a sparse file of the full size without
        // zero-filling it.
        channel.write(ByteBuffer.wrap(new byte[1]), size - 1L);
      }
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
      return new MappedSegment(file, startOffset, size, mapped);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map commit-log segment " + file, e);
    }
  }

  public Path file() {
    return file;
  }

  public long startOffset() {
    return startOffset;
  }

  public long endOffset() {
    return startOffset + size;
  }

  public int size() {
    return size;
  }

  /**
   * The shared mapping; callers use absolute indexes only and never change its position or limit.
   */
  public ByteBuffer buffer() {
    return mapped;
  }

  /** A read-only view of {@code length} bytes at {@code position}, sharing the mapped memory. */
  public ByteBuffer slice(int position, int length) {
    return mapped.slice(position, length).asReadOnlyBuffer();
  }

  public int flushedPosition() {
    return flushedPosition;
  }

  /**
   * Forces bytes {@code [flushedPosition, upTo)} to disk. Called by one flush thread at a time.
   *
   * @throws UncheckedIOException when the operating system reports a failure (the caller stops the
   *     store)
   */
  public void flush(int upTo) {
    int from = flushedPosition;
    if (upTo > from) {
      mapped.force(from, upTo - from);
      flushedPosition = upTo;
    }
  }

  /** Marks everything up to {@code position} as already on disk (used after recovery). */
  public void markFlushed(int position) {
    flushedPosition = position;
  }

  /**
   * Discards {@code [from, size)}: the file is cut at {@code from} and extended again, which leaves
   * a hole that reads as zeros (so a later scan sees the end of data there) without writing the
   * rest of a large segment. Only during recovery, before any reader exists.
   */
  public void discardFrom(int from) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(from);
      channel.write(ByteBuffer.wrap(new byte[1]), size - 1L);
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot discard " + file + " from " + from, e);
    }
    flushedPosition = Math.min(flushedPosition, from);
  }

  /** Deletes the file; the mapping stays valid for readers that still hold slices. */
  public void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
