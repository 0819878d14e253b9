package io.duetmq.protocol.kafka.fetch;

import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.ATTRIBUTES_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.BASE_TIMESTAMP_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.COMPRESSION_CODEC_MASK;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.LAST_OFFSET_DELTA_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.MAX_TIMESTAMP_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.RECORDS_COUNT_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.RECORDS_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.TIMESTAMP_TYPE_MASK;

import io.duetmq.protocol.kafka.record.StoredBatchLocator;
import io.duetmq.store.QueueEntryFilter;
import io.duetmq.store.QueueReadResult;
import io.duetmq.store.QueueReader;
import io.duetmq.store.ReadStatus;
import io.duetmq.store.StoredRecord;
import java.nio.ByteBuffer;

/**
 * Answers ListOffsets by timestamp (reference §3.5) from the stored batches: the store's time
 * lookup (by store time) gives where to start, then batch headers ({@code MaxTimestamp}) are
 * scanned forward to the first batch that holds a record at or after the wanted time, and inside an
 * uncompressed CreateTime batch the records themselves are walked to find the exact record.
 * Compressed batches are not decompressed: their base offset and {@code MaxTimestamp} answer.
 *
 * <p>Stateless and thread-safe. Reads mapped memory only; a lookup may scan a whole partition in
 * the worst case (max timestamp, or timestamps far behind store time).
 */
public final class TimestampOffsetFinder {
  private static final int READ_BYTES = 8 << 20;
  private static final int READ_RECORDS = 4096;

  /**
   * A found record.
   *
   * @param offset its offset
   * @param timestamp its timestamp
   */
  public record Found(long offset, long timestamp) {}

  private final QueueReader reader;

  public TimestampOffsetFinder(QueueReader reader) {
    this.reader = reader;
  }

  /**
   * The first record with timestamp ≥ {@code timestamp}, or null.
   *
   * @param futureSlackMs how far a record's create time may lie ahead of its store time (the
   *     topic's {@code message.timestamp.after.max.ms}), so that the scan starts early enough
   */
  public Found firstAtOrAfter(String topic, int partition, long timestamp, long futureSlackMs) {
    long since = timestamp - futureSlackMs < 0 ? 0 : timestamp - futureSlackMs;
    long start =
        Math.max(
            reader.minOffset(topic, partition), reader.offsetForTimestamp(topic, partition, since));
    StoredBatchLocator locator = new StoredBatchLocator();
    long offset = start;
    while (true) {
      QueueReadResult read =
          reader.read(topic, partition, offset, READ_BYTES, READ_RECORDS, QueueEntryFilter.ALL);
      if (read.status() != ReadStatus.FOUND || read.nextBeginOffset() <= offset) {
        return null;
      }
      for (StoredRecord record : read.records()) {
        if (locator.locate(record.buffer())) {
          ByteBuffer buf = record.buffer();
          int at = locator.bodyIndex();
          if (buf.getLong(at + MAX_TIMESTAMP_OFFSET) >= timestamp) {
            return exact(buf, at, record.baseOffset(), ts -> ts >= timestamp);
          }
        }
      }
      offset = read.nextBeginOffset();
    }
  }

  /** The record with the largest timestamp (the first one on ties), or null if there is none. */
  public Found maxTimestamp(String topic, int partition) {
    StoredBatchLocator locator = new StoredBatchLocator();
    long offset = reader.minOffset(topic, partition);
    long bestTimestamp = -1;
    ByteBuffer bestBuffer = null;
    int bestAt = 0;
    long bestBase = -1;
    while (true) {
      QueueReadResult read =
          reader.read(topic, partition, offset, READ_BYTES, READ_RECORDS, QueueEntryFilter.ALL);
      if (read.status() != ReadStatus.FOUND || read.nextBeginOffset() <= offset) {
        break;
      }
      for (StoredRecord record : read.records()) {
        if (locator.locate(record.buffer())) {
          long max = record.buffer().getLong(locator.bodyIndex() + MAX_TIMESTAMP_OFFSET);
          if (max > bestTimestamp) {
            bestTimestamp = max;
            bestBuffer = record.buffer();
            bestAt = locator.bodyIndex();
            bestBase = record.baseOffset();
          }
        }
      }
      offset = read.nextBeginOffset();
    }
    if (bestBuffer == null) {
      return null;
    }
    long wanted = bestTimestamp;
    return exact(bestBuffer, bestAt, bestBase, ts -> ts == wanted);
  }

  private interface TimestampMatch {
    boolean test(long timestamp);
  }

  /** The first record of the batch at {@code at} whose timestamp matches. */
  private static Found exact(ByteBuffer buf, int at, long baseOffset, TimestampMatch match) {
    short attributes = buf.getShort(at + ATTRIBUTES_OFFSET);
    long maxTimestamp = buf.getLong(at + MAX_TIMESTAMP_OFFSET);
    boolean walkable =
        (attributes & TIMESTAMP_TYPE_MASK) == 0 && (attributes & COMPRESSION_CODEC_MASK) == 0;
    if (!walkable) {
      return new Found(baseOffset, maxTimestamp);
    }
    long baseTimestamp = buf.getLong(at + BASE_TIMESTAMP_OFFSET);
    int count = buf.getInt(at + RECORDS_COUNT_OFFSET);
    VarintCursor cursor = new VarintCursor(buf, at + RECORDS_OFFSET);
    for (int i = 0; i < count; i++) {
      int length = cursor.varint();
      int next = cursor.position() + length;
      cursor.skip(1); // attributes
      long timestamp = baseTimestamp + cursor.varlong();
      int offsetDelta = cursor.varint();
      if (match.test(timestamp)) {
        return new Found(baseOffset + offsetDelta, timestamp);
      }
      cursor.moveTo(next);
    }
    return new Found(baseOffset + buf.getInt(at + LAST_OFFSET_DELTA_OFFSET), maxTimestamp);
  }

  /** Zig-zag varints read with absolute indexes (Kafka's record encoding, reference §4.3). */
  private static final class VarintCursor {
    private final ByteBuffer buf;
    private int position;

    VarintCursor(ByteBuffer buf, int position) {
      this.buf = buf;
      this.position = position;
    }

    int position() {
      return position;
    }

    void skip(int bytes) {
      position += bytes;
    }

    void moveTo(int index) {
      position = index;
    }

    int varint() {
      long raw = unsigned(5);
      return (int) (raw >>> 1) ^ -(int) (raw & 1);
    }

    long varlong() {
      long raw = unsigned(10);
      return (raw >>> 1) ^ -(raw & 1);
    }

    private long unsigned(int maxBytes) {
      long value = 0;
      for (int i = 0; i < maxBytes; i++) {
        byte b = buf.get(position++);
        value |= (long) (b & 0x7f) << (7 * i);
        if (b >= 0) {
          return value;
        }
      }
      throw new IllegalStateException("varint longer than " + maxBytes + " bytes at " + position);
    }
  }
}
