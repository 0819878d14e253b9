package io.duetmq.store.log;

import static io.duetmq.store.log.CommitLogDescriptor.BLANK_HEADER_LENGTH;
import static io.duetmq.store.log.CommitLogDescriptor.BLANK_MAGIC;
import static io.duetmq.store.log.CommitLogDescriptor.MAGIC_V1;
import static io.duetmq.store.log.CommitLogDescriptor.MAGIC_V2;
import static io.duetmq.store.log.CommitLogDescriptor.MIN_RECORD_LENGTH;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Checks one position of a segment during recovery: a whole valid record, a BLANK end-of-segment
 * header, the end of written data (zeros), or corruption with the reason. Pure function of the
 * bytes; allocates only the result.
 */
public final class RecordValidator {
  private final boolean checkCrc;
  private final MessageRecordFlyweight record = new MessageRecordFlyweight();

  public RecordValidator(boolean checkCrc) {
    this.checkCrc = checkCrc;
  }

  /** What was found at a position. */
  public enum Kind {
    RECORD,
    BLANK,
    END_OF_DATA,
    CORRUPT
  }

  /**
   * @param kind what was found
   * @param size bytes it covers (record length; for BLANK the rest of the segment)
   * @param reason why it is corrupt, or null
   */
  public record Check(Kind kind, int size, String reason) {}

  /**
   * Checks the bytes at {@code position} of {@code segment} (which starts at commit-log offset
   * {@code segmentStart}).
   */
  public Check check(ByteBuffer segment, int position, long segmentStart) {
    int left = segment.capacity() - position;
    if (left < BLANK_HEADER_LENGTH) {
      return new Check(Kind.CORRUPT, 0, "only " + left + " bytes left before the segment end");
    }
    int size = segment.getInt(position);
    int magic = segment.getInt(position + 4);
    if (size == 0 && magic == 0) {
      return new Check(Kind.END_OF_DATA, 0, null);
    }
    if (magic == BLANK_MAGIC) {
      return size == left
          ? new Check(Kind.BLANK, size, null)
          : new Check(
              Kind.CORRUPT, 0, "BLANK header claims " + size + " bytes but " + left + " are left");
    }
    if (magic != MAGIC_V1 && magic != MAGIC_V2) {
      return new Check(Kind.CORRUPT, 0, String.format("bad magic 0x%08X", magic));
    }
    if (size < MIN_RECORD_LENGTH || size > left) {
      return new Check(
          Kind.CORRUPT, 0, "record size " + size + " impossible with " + left + " bytes left");
    }
    return checkRecord(segment, position, size, segmentStart + position);
  }

  private Check checkRecord(ByteBuffer segment, int position, int size, long expectedOffset) {
    record.wrap(segment, position);
    long physical = record.physicalOffset();
    if (physical != expectedOffset) {
      return new Check(
          Kind.CORRUPT, 0, "physical offset field " + physical + " at offset " + expectedOffset);
    }
    int bodyLength = record.bodyLength();
    if (bodyLength < 0 || record.bodyIndex() + bodyLength > position + size) {
      return new Check(
          Kind.CORRUPT, 0, "body length " + bodyLength + " exceeds record size " + size);
    }
    int topicEnd = record.bodyIndex() + bodyLength + (record.magic() == MAGIC_V2 ? 2 : 1);
    if (topicEnd > position + size || topicEnd + record.topicLength() + 2 > position + size) {
      return new Check(Kind.CORRUPT, 0, "topic length runs past record size " + size);
    }
    if (record.endIndex() != position + size) {
      return new Check(
          Kind.CORRUPT,
          0,
          "fields end at " + (record.endIndex() - position) + " but record size is " + size);
    }
    if (checkCrc) {
      CRC32 crc = new CRC32();
      crc.update(segment.slice(record.bodyIndex(), bodyLength));
      int actual = (int) crc.getValue() & 0x7FFFFFFF;
      if (actual != record.bodyCrc()) {
        return new Check(
            Kind.CORRUPT, 0, "body CRC " + actual + " does not match stored " + record.bodyCrc());
      }
    }
    return new Check(Kind.RECORD, size, null);
  }
}
