package io.duetmq.store.log;

import static io.duetmq.store.log.CommitLogDescriptor.BLANK_HEADER_LENGTH;
import static io.duetmq.store.log.CommitLogDescriptor.BLANK_MAGIC;

import io.duetmq.store.AppendRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The segmented commit log: an ordered list of {@link MappedSegment}s addressed by one global byte
 * offset.
 *
 * <p>Threading: one writer thread appends (claim, write, then {@link #publish()}); readers on any
 * thread read below {@link #maxOffset()}, which the writer publishes through a volatile field, so
 * everything written before the publish is visible to a reader that saw the new offset. One flush
 * thread calls {@link #flush(long)}. The segment list is replaced copy-on-write.
 */
public final class CommitLog implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CommitLog.class.getName());

  private final Path dir;
  private final int segmentSize;
  private final SegmentAllocatorService allocator;
  private volatile MappedSegment[] segments;
  private volatile long writtenOffset;
  private volatile long flushedOffset;

  // Owned by the writer thread.
  private MappedSegment active;
  private long writeOffset;

  private CommitLog(Path dir, int segmentSize, MappedSegment[] segments) {
    this.dir = dir;
    this.segmentSize = segmentSize;
    this.segments = segments;
    this.allocator = new SegmentAllocatorService(dir, segmentSize);
  }

  /**
   * Maps every segment in {@code dir}. The segment size of existing files wins over {@code
   * configuredSegmentSize} (a RocketMQ store written with other settings opens as it is).
   */
  public static CommitLog open(Path dir, int configuredSegmentSize) {
    try {
      Files.createDirectories(dir);
      List<Path> files;
      try (Stream<Path> list = Files.list(dir)) {
        files = list.filter(CommitLog::isSegmentName).sorted().toList();
      }
      int size = detectSegmentSize(files, configuredSegmentSize);
      MappedSegment[] mapped = new MappedSegment[files.size()];
      for (int i = 0; i < mapped.length; i++) {
        long start = Long.parseLong(files.get(i).getFileName().toString());
        mapped[i] = MappedSegment.open(dir, start, size);
      }
      checkContiguous(mapped);
      return new CommitLog(dir, size, mapped);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open commit log in " + dir, e);
    }
  }

  private static boolean isSegmentName(Path path) {
    String name = path.getFileName().toString();
    return name.length() == 20 && name.chars().allMatch(Character::isDigit);
  }

  private static int detectSegmentSize(List<Path> files, int configured) throws IOException {
    if (files.isEmpty()) {
      return configured;
    }
    long size = Files.size(files.get(0));
    if (size != configured) {
      LOG.log(
          Level.WARNING,
          "commit-log segments in {0} are {1} bytes, not the configured {2}; using {1}",
          files.get(0).getParent(),
          size,
          configured);
    }
    if (size <= BLANK_HEADER_LENGTH || size > Integer.MAX_VALUE) {
      throw new IllegalStateException("commit-log segment " + files.get(0) + " has size " + size);
    }
    return (int) size;
  }

  private static void checkContiguous(MappedSegment[] mapped) {
    for (int i = 1; i < mapped.length; i++) {
      if (mapped[i].startOffset() != mapped[i - 1].endOffset()) {
        throw new IllegalStateException(
            "commit-log segments are not contiguous: "
                + mapped[i - 1].file()
                + " is followed by "
                + mapped[i].file());
      }
    }
  }

  public Path dir() {
    return dir;
  }

  public int segmentSize() {
    return segmentSize;
  }

  /** Offset of the first byte still retained. */
  public long minOffset() {
    MappedSegment[] current = segments;
    return current.length == 0 ? writtenOffset : current[0].startOffset();
  }

  /** Offset one past the last published byte. */
  public long maxOffset() {
    return writtenOffset;
  }

  public long flushedOffset() {
    return flushedOffset;
  }

  /** A snapshot of the segments, oldest first. */
  public List<MappedSegment> segments() {
    return List.of(segments);
  }

  /** The segment holding {@code offset}, or null when it is not retained. */
  public MappedSegment segmentFor(long offset) {
    MappedSegment[] current = segments;
    if (current.length == 0 || offset < current[0].startOffset()) {
      return null;
    }
    int index = (int) ((offset - current[0].startOffset()) / segmentSize);
    return index < current.length ? current[index] : null;
  }

  /**
   * A read-only view of {@code size} bytes at {@code offset}, or null when they are not readable.
   */
  public ByteBuffer slice(long offset, int size) {
    if (offset + size > writtenOffset) {
      return null;
    }
    MappedSegment segment = segmentFor(offset);
    if (segment == null || offset + size > segment.endOffset()) {
      return null;
    }
    return segment.slice((int) (offset - segment.startOffset()), size);
  }

  /**
   * Sets the writer's position after recovery; everything below it is treated as written and
   * flushed.
   */
  public void startWritingAt(long offset) {
    MappedSegment segment = segmentFor(offset);
    if (segment == null) {
      MappedSegment[] current = segments;
      long start;
      if (current.length == 0) {
        start = offset - offset % segmentSize;
      } else if (offset == current[current.length - 1].endOffset()) {
        start = offset;
      } else {
        throw new IllegalStateException(
            "offset " + offset + " is outside the retained segments of " + dir);
      }
      segment = addSegment(start);
    }
    active = segment;
    writeOffset = offset;
    writtenOffset = offset;
    flushedOffset = offset;
    for (MappedSegment s : segments) {
      s.markFlushed((int) Math.max(0, Math.min(s.size(), offset - s.startOffset())));
    }
    allocator.prepare(active.endOffset());
  }

  /**
   * Writes one record at the write position, rolling to the next segment (after a BLANK header)
   * when the record does not fit. Writer thread only; the record becomes readable at the next
   * {@link #publish()}.
   *
   * @return the record's physical offset
   */
  public long append(
      AppendRequest request, MessageRecordEncoder encoder, long queueOffset, long storeTimestamp) {
    int length = encoder.length(request);
    int position = (int) (writeOffset - active.startOffset());
    if (position + length + BLANK_HEADER_LENGTH > segmentSize) {
      ByteBuffer buf = active.buffer();
      buf.putInt(position, segmentSize - position);
      buf.putInt(position + 4, BLANK_MAGIC);
      active = nextSegment(active.endOffset());
      writeOffset = active.startOffset();
      position = 0;
    }
    long physicalOffset = writeOffset;
    encoder.encode(
        active.buffer(), position, length, request, physicalOffset, queueOffset, storeTimestamp);
    writeOffset += length;
    return physicalOffset;
  }

  /** The largest record that fits in one segment together with a trailing BLANK header. */
  public int maxRecordLength() {
    return segmentSize - BLANK_HEADER_LENGTH;
  }

  /** Makes everything appended so far readable. Writer thread only. */
  public void publish() {
    writtenOffset = writeOffset;
  }

  private MappedSegment nextSegment(long start) {
    MappedSegment next = allocator.take(start);
    addSegment(next);
    allocator.prepare(next.endOffset());
    return next;
  }

  private MappedSegment addSegment(long start) {
    MappedSegment segment = MappedSegment.open(dir, start, segmentSize);
    addSegment(segment);
    return segment;
  }

  private synchronized void addSegment(MappedSegment segment) {
    MappedSegment[] current = segments;
    MappedSegment[] grown = Arrays.copyOf(current, current.length + 1);
    grown[current.length] = segment;
    segments = grown;
  }

  /**
   * Forces everything below {@code upTo} to disk. One flush thread at a time.
   *
   * @throws UncheckedIOException when the operating system reports a failure
   */
  public void flush(long upTo) {
    long target = Math.min(upTo, writtenOffset);
    long from = flushedOffset;
    if (target <= from) {
      return;
    }
    for (MappedSegment segment : segments) {
      if (segment.endOffset() <= from || segment.startOffset() >= target) {
        continue;
      }
      segment.flush((int) (Math.min(target, segment.endOffset()) - segment.startOffset()));
    }
    flushedOffset = target;
  }

  /**
   * Drops everything at and after {@code offset} (recovery only, before the writer starts): later
   * segments are deleted and the segment holding the offset is cut there.
   */
  public synchronized void truncateTo(long offset) {
    List<MappedSegment> kept = new ArrayList<>();
    for (MappedSegment segment : segments) {
      if (segment.startOffset() >= offset && !(segment.startOffset() == offset && kept.isEmpty())) {
        // The pre-allocated next segment is normally empty; anything else is data being cut off.
        boolean empty = segment.buffer().getLong(0) == 0;
        LOG.log(
            empty ? Level.DEBUG : Level.WARNING,
            "recovery deletes commit-log segment {0}",
            segment.file());
        segment.delete();
        continue;
      }
      if (offset < segment.endOffset()) {
        segment.discardFrom((int) (offset - segment.startOffset()));
      }
      kept.add(segment);
    }
    segments = kept.toArray(new MappedSegment[0]);
  }

  /** Removes the oldest segment (retention). Never the last one, which is the one being written. */
  public synchronized boolean deleteOldest() {
    MappedSegment[] current = segments;
    if (current.length < 2) {
      return false;
    }
    current[0].delete();
    segments = Arrays.copyOfRange(current, 1, current.length);
    return true;
  }

  @Override
  public void close() {
    allocator.close();
  }
}
