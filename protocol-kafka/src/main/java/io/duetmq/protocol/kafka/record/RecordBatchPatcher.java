package io.duetmq.protocol.kafka.record;

import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.BASE_OFFSET_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.HEADER_SIZE;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.MAGIC_OFFSET;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.MAGIC_V2;
import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.PARTITION_LEADER_EPOCH_OFFSET;

import java.nio.ByteBuffer;

/**
 * Writes the broker-assigned header fields of a stored batch at append time: {@code BaseOffset} and
 * {@code PartitionLeaderEpoch}. Both lie outside the CRC (reference §4.1), so the batch stays valid
 * without recomputing it, and the patch costs two absolute writes. {@link #patch} has the shape of
 * the store's {@code BodyPatcher} ({@code patcher::patch}).
 *
 * <p>{@code MaxTimestamp} for LogAppendTime topics is <em>not</em> patched here: the CRC covers it,
 * so stamping it means a full CRC pass, which belongs before the append ({@link
 * RecordBatchFlyweight#setLogAppendTime}), not on the commit-log writer thread.
 *
 * <p>Immutable and thread-safe. Writes with absolute indexes relative to the buffer's position; the
 * position and limit are not changed.
 */
public final class RecordBatchPatcher {
  private final int partitionLeaderEpoch;

  /** A patcher that also stamps {@code partitionLeaderEpoch} (-1 = unknown, reference §3.2). */
  public RecordBatchPatcher(int partitionLeaderEpoch) {
    this.partitionLeaderEpoch = partitionLeaderEpoch;
  }

  public int partitionLeaderEpoch() {
    return partitionLeaderEpoch;
  }

  /**
   * Sets base offset and leader epoch of the single batch that {@code body} holds from its
   * position.
   *
   * @throws IllegalArgumentException if {@code body} is shorter than a batch header or not magic 2
   */
  public void patch(ByteBuffer body, long baseLogicalOffset) {
    patchBaseOffset(body, baseLogicalOffset);
    body.putInt(body.position() + PARTITION_LEADER_EPOCH_OFFSET, partitionLeaderEpoch);
  }

  /**
   * Sets only the base offset of the batch that starts at {@code body}'s position.
   *
   * @throws IllegalArgumentException if {@code body} is shorter than a batch header or not magic 2
   */
  public static void patchBaseOffset(ByteBuffer body, long baseOffset) {
    int at = body.position();
    if (body.remaining() < HEADER_SIZE || body.get(at + MAGIC_OFFSET) != MAGIC_V2) {
      throw new IllegalArgumentException(
          "not a v2 record batch: "
              + body.remaining()
              + " bytes, magic "
              + (body.remaining() > MAGIC_OFFSET ? body.get(at + MAGIC_OFFSET) : -1));
    }
    body.putLong(at + BASE_OFFSET_OFFSET, baseOffset);
  }
}
