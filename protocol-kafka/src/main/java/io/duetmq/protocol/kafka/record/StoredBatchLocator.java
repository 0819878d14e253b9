package io.duetmq.protocol.kafka.record;

import io.duetmq.store.log.CommitLogDescriptor;
import io.duetmq.store.log.MessageRecordFlyweight;
import java.nio.ByteBuffer;

/**
 * Finds the Kafka record batch inside one stored commit-log record: a record flagged as a
 * multi-record batch whose body is a magic-2 batch header or more. Anything else (a RocketMQ
 * message) is not a Kafka batch.
 *
 * <p>Not thread-safe (a mutable cursor): one instance per thread or per use. Never copies and keeps
 * no reference beyond the next {@link #locate}.
 */
public final class StoredBatchLocator {
  private final MessageRecordFlyweight record = new MessageRecordFlyweight();
  private int bodyIndex;
  private int bodyLength;

  /**
   * Looks at the record starting at index 0 of {@code recordBuffer}; true if it holds a Kafka
   * batch, which then lies at {@link #bodyIndex()} for {@link #bodyLength()} bytes.
   */
  public boolean locate(ByteBuffer recordBuffer) {
    record.wrap(recordBuffer, 0);
    if ((record.sysFlag() & CommitLogDescriptor.SYSFLAG_MULTI_RECORD_BATCH) == 0) {
      return false;
    }
    bodyIndex = record.bodyIndex();
    bodyLength = record.bodyLength();
    return bodyLength >= RecordBatchDescriptor.HEADER_SIZE
        && recordBuffer.get(bodyIndex + RecordBatchDescriptor.MAGIC_OFFSET)
            == RecordBatchDescriptor.MAGIC_V2;
  }

  /** Absolute index of the batch in the located record's buffer. */
  public int bodyIndex() {
    return bodyIndex;
  }

  /** Size of the batch in bytes. */
  public int bodyLength() {
    return bodyLength;
  }
}
