package io.duetmq.store.index;

import static io.duetmq.store.index.IndexFileDescriptor.BEGIN_PHY_OFFSET_OFFSET;
import static io.duetmq.store.index.IndexFileDescriptor.BEGIN_TIMESTAMP_OFFSET;
import static io.duetmq.store.index.IndexFileDescriptor.END_PHY_OFFSET_OFFSET;
import static io.duetmq.store.index.IndexFileDescriptor.END_TIMESTAMP_OFFSET;
import static io.duetmq.store.index.IndexFileDescriptor.ENTRY_COMMIT_LOG_OFFSET_OFFSET;
import static io.duetmq.store.index.IndexFileDescriptor.ENTRY_KEY_HASH_OFFSET;
import static io.duetmq.store.index.IndexFileDescriptor.ENTRY_PREVIOUS_OFFSET;
import static io.duetmq.store.index.IndexFileDescriptor.ENTRY_TIME_DIFF_OFFSET;
import static io.duetmq.store.index.IndexFileDescriptor.FIRST_ENTRY;
import static io.duetmq.store.index.IndexFileDescriptor.HASH_SLOT_COUNT_OFFSET;
import static io.duetmq.store.index.IndexFileDescriptor.HEADER_LENGTH;
import static io.duetmq.store.index.IndexFileDescriptor.INDEX_COUNT_OFFSET;
import static io.duetmq.store.index.IndexFileDescriptor.NO_ENTRY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * One memory-mapped index file (layout in {@link IndexFileDescriptor}), created at full size.
 *
 * <p>Thread-safety: one writer thread calls {@link #put}; any number of threads may call {@link
 * #query}, the getters and {@link #flush} concurrently with it. An entry is published by writing
 * all its bytes and the header (whose counters are mirrored in volatile fields) first, and only
 * then storing its number into the hash slot with release semantics; a reader loads the slot with
 * acquire semantics, so every entry it can reach through a slot or a chain is complete. Entries are
 * never overwritten, so there is no ABA. Readers additionally bound entry numbers by {@code
 * indexCount} and require chains to strictly descend, which also keeps them safe on a file damaged
 * by a crash.
 *
 * <p>The mapping is never unmapped explicitly (Java 17 has no safe way to do it): {@link #close}
 * and {@link #delete} drop the file, and the garbage collector releases the mapping once no reader
 * holds this object, so a query racing with a deletion still reads valid memory.
 */
final class IndexFile {

  private static final VarHandle INT_VIEW =
      MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final Path path;
  // The same mapping twice: as ByteBuffer so the VarHandle calls match its coordinate type exactly
  // (no adaptation on
  // the hot path), and as MappedByteBuffer for force().
  private final ByteBuffer buffer;
  private final MappedByteBuffer mapped;
  private final int maxHashSlots;
  private final int maxIndexCount;
  private final long beginTimestamp;
  private final long beginPhyOffset;
  private volatile long endTimestamp;
  private volatile long endPhyOffset;
  private volatile int hashSlotCount;
  private volatile int indexCount;
  private volatile int flushedIndexCount;

  private IndexFile(Path path, MappedByteBuffer mapped, IndexConfig config) {
    this.path = path;
    this.mapped = mapped;
    this.buffer = mapped;
    this.maxHashSlots = config.maxHashSlots();
    this.maxIndexCount = config.maxIndexCount();
    this.beginTimestamp = mapped.getLong(BEGIN_TIMESTAMP_OFFSET);
    this.beginPhyOffset = mapped.getLong(BEGIN_PHY_OFFSET_OFFSET);
    this.endTimestamp = mapped.getLong(END_TIMESTAMP_OFFSET);
    this.endPhyOffset = mapped.getLong(END_PHY_OFFSET_OFFSET);
    this.hashSlotCount = mapped.getInt(HASH_SLOT_COUNT_OFFSET);
    this.indexCount = mapped.getInt(INDEX_COUNT_OFFSET);
    this.flushedIndexCount = indexCount;
  }

  /**
   * Creates a new full-size file at {@code path} (which must not exist) whose begin and end values
   * are the given timestamp and commit-log offset.
   */
  static IndexFile create(Path path, IndexConfig config, long beginTimestamp, long beginPhyOffset) {
    if (beginPhyOffset < 0) {
      throw new IllegalArgumentException("beginPhyOffset must be >= 0, got " + beginPhyOffset);
    }
    try (FileChannel channel =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE)) {
      // Mapping past the end grows the (sparse, zero-filled) file to full size.
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, config.fileLength());
      mapped.putLong(BEGIN_TIMESTAMP_OFFSET, beginTimestamp);
      mapped.putLong(END_TIMESTAMP_OFFSET, beginTimestamp);
      mapped.putLong(BEGIN_PHY_OFFSET_OFFSET, beginPhyOffset);
      mapped.putLong(END_PHY_OFFSET_OFFSET, beginPhyOffset);
      mapped.putInt(HASH_SLOT_COUNT_OFFSET, 0);
      mapped.putInt(INDEX_COUNT_OFFSET, FIRST_ENTRY);
      IndexFile file = new IndexFile(path, mapped, config);
      file.flushedIndexCount = 0; // the header is not on disk yet
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create index file " + path, e);
    }
  }

  /** Maps an existing file; call {@link #inspect} first, this method trusts the header. */
  static IndexFile open(Path path, IndexConfig config) {
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, config.fileLength());
      return new IndexFile(path, mapped, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index file " + path, e);
    }
  }

  /**
   * Checks the length and header of an existing file against {@code config}.
   *
   * @return a description of the first inconsistency found, or empty if the file can be opened
   */
  static Optional<String> inspect(Path path, IndexConfig config) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long length = channel.size();
      if (length != config.fileLength()) {
        return Optional.of(
            "length " + length + " differs from " + config.fileLength() + " of " + config);
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH);
      while (header.hasRemaining()) {
        if (channel.read(header, header.position()) < 0) {
          return Optional.of("header cannot be read");
        }
      }
      return headerDefect(header, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index file " + path, e);
    }
  }

  private static Optional<String> headerDefect(ByteBuffer header, IndexConfig config) {
    long beginTs = header.getLong(BEGIN_TIMESTAMP_OFFSET);
    long endTs = header.getLong(END_TIMESTAMP_OFFSET);
    long beginPhy = header.getLong(BEGIN_PHY_OFFSET_OFFSET);
    long endPhy = header.getLong(END_PHY_OFFSET_OFFSET);
    int slots = header.getInt(HASH_SLOT_COUNT_OFFSET);
    int count = header.getInt(INDEX_COUNT_OFFSET);
    if (count < FIRST_ENTRY || count > config.maxIndexCount()) {
      return Optional.of("indexCount " + count + " outside [1, " + config.maxIndexCount() + "]");
    }
    if (slots < 0 || slots > config.maxHashSlots()) {
      return Optional.of("hashSlotCount " + slots + " outside [0, " + config.maxHashSlots() + "]");
    }
    if (beginPhy < 0 || endPhy < beginPhy) {
      return Optional.of("phy offsets begin " + beginPhy + " end " + endPhy + " inconsistent");
    }
    if (endTs < beginTs) {
      return Optional.of("timestamps begin " + beginTs + " end " + endTs + " inconsistent");
    }
    return Optional.empty();
  }

  /**
   * Appends an entry for {@code key}. Single writer only.
   *
   * @return false if the file is full (nothing written)
   */
  boolean put(String key, long commitLogOffset, long storeTimestamp) {
    int entry = indexCount;
    if (entry >= maxIndexCount) {
      return false;
    }
    int hash = IndexFileDescriptor.keyHash(key);
    int slotPosition =
        IndexFileDescriptor.slotPosition(IndexFileDescriptor.slotOf(hash, maxHashSlots));
    int head = buffer.getInt(slotPosition);
    // A slot pointing at or past indexCount is left over from a crash that lost the header page:
    // treat as empty.
    int previous = head > NO_ENTRY && head < entry ? head : NO_ENTRY;

    int position = IndexFileDescriptor.entryPosition(maxHashSlots, entry);
    buffer.putInt(position + ENTRY_KEY_HASH_OFFSET, hash);
    buffer.putLong(position + ENTRY_COMMIT_LOG_OFFSET_OFFSET, commitLogOffset);
    buffer.putInt(position + ENTRY_TIME_DIFF_OFFSET, timeDiffSeconds(storeTimestamp));
    buffer.putInt(position + ENTRY_PREVIOUS_OFFSET, previous);

    // End values only grow, so [begin, end] stays a valid range even if the clock steps back.
    long newEndTimestamp = Math.max(endTimestamp, storeTimestamp);
    long newEndPhyOffset = Math.max(endPhyOffset, commitLogOffset);
    buffer.putLong(END_TIMESTAMP_OFFSET, newEndTimestamp);
    buffer.putLong(END_PHY_OFFSET_OFFSET, newEndPhyOffset);
    endTimestamp = newEndTimestamp;
    endPhyOffset = newEndPhyOffset;
    if (previous == NO_ENTRY) {
      buffer.putInt(HASH_SLOT_COUNT_OFFSET, hashSlotCount + 1);
      hashSlotCount = hashSlotCount + 1;
    }
    buffer.putInt(INDEX_COUNT_OFFSET, entry + 1);
    indexCount = entry + 1;

    // The publication point: readers acquire the slot, so everything above is visible to them.
    INT_VIEW.setRelease(buffer, slotPosition, entry);
    return true;
  }

  private int timeDiffSeconds(long storeTimestamp) {
    long seconds = (storeTimestamp - beginTimestamp) / 1000;
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds));
  }

  /**
   * Appends to {@code out} the commit-log offsets of entries whose key hash equals that of {@code
   * key} and whose stored second overlaps {@code [beginTs, endTs]}, newest first, until {@code out}
   * holds {@code maxNum} offsets or the chain ends. Entry times are kept in whole seconds since
   * {@link #beginTimestamp()}, so an entry matches when any millisecond of its second lies in the
   * range: a true match is never missed, but an entry up to 999 ms outside the range can be
   * returned. An offset equal to the last one in {@code out} is not added again (the several keys
   * of a record and a record re-indexed after a restart share an offset). Safe from any thread.
   */
  void query(String key, int maxNum, long beginTs, long endTs, List<Long> out) {
    if (out.size() >= maxNum || beginTs > endTs) {
      return;
    }
    int hash = IndexFileDescriptor.keyHash(key);
    int slotPosition =
        IndexFileDescriptor.slotPosition(IndexFileDescriptor.slotOf(hash, maxHashSlots));
    int entry = (int) INT_VIEW.getAcquire(buffer, slotPosition);
    // Read after the acquire, so it covers every entry reachable from the slot value just read.
    int count = indexCount;
    while (entry > NO_ENTRY && entry < count && out.size() < maxNum) {
      int position = IndexFileDescriptor.entryPosition(maxHashSlots, entry);
      if (buffer.getInt(position + ENTRY_KEY_HASH_OFFSET) == hash
          && secondOverlaps(buffer.getInt(position + ENTRY_TIME_DIFF_OFFSET), beginTs, endTs)) {
        long offset = buffer.getLong(position + ENTRY_COMMIT_LOG_OFFSET_OFFSET);
        if (out.isEmpty() || out.get(out.size() - 1) != offset) {
          out.add(offset);
        }
      }
      int previous = buffer.getInt(position + ENTRY_PREVIOUS_OFFSET);
      if (previous >= entry) {
        return; // chains only point to older entries; anything else is damage, and would loop
      }
      entry = previous;
    }
  }

  private boolean secondOverlaps(int timeDiffSeconds, long beginTs, long endTs) {
    long secondStart = beginTimestamp + timeDiffSeconds * 1000L;
    return secondStart <= endTs && secondStart + 999 >= beginTs;
  }

  /** Whether [beginTimestamp, endTimestamp] of this file overlaps [beginTs, endTs]. */
  boolean overlaps(long beginTs, long endTs) {
    return beginTimestamp <= endTs && endTimestamp >= beginTs;
  }

  boolean isFull() {
    return indexCount >= maxIndexCount;
  }

  /**
   * Forces written pages to disk if anything was put since the last flush. Safe from any thread.
   */
  void flush() {
    int count = indexCount;
    if (count != flushedIndexCount) {
      mapped.force();
      flushedIndexCount = count;
    }
  }

  /** Flushes; the mapping itself is released by the garbage collector (see class comment). */
  void close() {
    flush();
  }

  /**
   * Removes the file from disk without flushing. Readers holding this object keep reading valid
   * memory.
   */
  void delete() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete index file " + path, e);
    }
  }

  Path path() {
    return path;
  }

  long beginTimestamp() {
    return beginTimestamp;
  }

  long endTimestamp() {
    return endTimestamp;
  }

  long beginPhyOffset() {
    return beginPhyOffset;
  }

  long endPhyOffset() {
    return endPhyOffset;
  }

  int hashSlotCount() {
    return hashSlotCount;
  }

  int indexCount() {
    return indexCount;
  }

  @Override
  public String toString() {
    return "IndexFile["
        + path.getFileName()
        + " ts "
        + beginTimestamp
        + ".."
        + endTimestamp
        + " phy "
        + beginPhyOffset
        + ".."
        + endPhyOffset
        + " entries "
        + (indexCount - FIRST_ENTRY)
        + "]";
  }
}
