package io.duetmq.store.log;

import static io.duetmq.store.log.CommitLogDescriptor.BODY_CRC_OFFSET;
import static io.duetmq.store.log.CommitLogDescriptor.BORN_HOST_OFFSET;
import static io.duetmq.store.log.CommitLogDescriptor.BORN_TIMESTAMP_OFFSET;
import static io.duetmq.store.log.CommitLogDescriptor.FLAG_OFFSET;
import static io.duetmq.store.log.CommitLogDescriptor.MAGIC_OFFSET;
import static io.duetmq.store.log.CommitLogDescriptor.MAGIC_V2;
import static io.duetmq.store.log.CommitLogDescriptor.PHYSICAL_OFFSET_OFFSET;
import static io.duetmq.store.log.CommitLogDescriptor.QUEUE_ID_OFFSET;
import static io.duetmq.store.log.CommitLogDescriptor.QUEUE_OFFSET_OFFSET;
import static io.duetmq.store.log.CommitLogDescriptor.SYSFLAG_BORNHOST_V6;
import static io.duetmq.store.log.CommitLogDescriptor.SYSFLAG_MULTI_RECORD_BATCH;
import static io.duetmq.store.log.CommitLogDescriptor.SYSFLAG_OFFSET;
import static io.duetmq.store.log.CommitLogDescriptor.SYSFLAG_STOREHOST_V6;
import static io.duetmq.store.log.CommitLogDescriptor.TOTAL_SIZE_OFFSET;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A read view over one commit-log record in a buffer (see {@link CommitLogDescriptor}). Reads use
 * absolute indexes only, so one buffer may be shared by many flyweights on different threads; each
 * flyweight instance belongs to one thread. The flyweight does not check the record: callers
 * validate first (recovery) or trust what the writer published.
 */
public final class MessageRecordFlyweight {
  private ByteBuffer buffer;
  private int base;

  /**
   * Points this view at the record starting at {@code offset} of {@code buffer}; returns {@code
   * this}.
   */
  public MessageRecordFlyweight wrap(ByteBuffer buffer, int offset) {
    this.buffer = buffer;
    this.base = offset;
    return this;
  }

  public int totalSize() {
    return buffer.getInt(base + TOTAL_SIZE_OFFSET);
  }

  public int magic() {
    return buffer.getInt(base + MAGIC_OFFSET);
  }

  public int bodyCrc() {
    return buffer.getInt(base + BODY_CRC_OFFSET);
  }

  public int queueId() {
    return buffer.getInt(base + QUEUE_ID_OFFSET);
  }

  public int flag() {
    return buffer.getInt(base + FLAG_OFFSET);
  }

  public long queueOffset() {
    return buffer.getLong(base + QUEUE_OFFSET_OFFSET);
  }

  public long physicalOffset() {
    return buffer.getLong(base + PHYSICAL_OFFSET_OFFSET);
  }

  public int sysFlag() {
    return buffer.getInt(base + SYSFLAG_OFFSET);
  }

  public long bornTimestamp() {
    return buffer.getLong(base + BORN_TIMESTAMP_OFFSET);
  }

  public InetSocketAddress bornHost() {
    return host(base + BORN_HOST_OFFSET, (sysFlag() & SYSFLAG_BORNHOST_V6) != 0);
  }

  public long storeTimestamp() {
    return buffer.getLong(base + CommitLogDescriptor.storeTimestampOffset(sysFlag()));
  }

  public InetSocketAddress storeHost() {
    int flag = sysFlag();
    return host(
        base + CommitLogDescriptor.storeHostOffset(flag), (flag & SYSFLAG_STOREHOST_V6) != 0);
  }

  public int reconsumeTimes() {
    return buffer.getInt(base + CommitLogDescriptor.reconsumeTimesOffset(sysFlag()));
  }

  public long preparedTransactionOffset() {
    return buffer.getLong(base + CommitLogDescriptor.preparedTransactionOffsetOffset(sysFlag()));
  }

  /**
   * Number of logical records this commit-log record carries: the FLAG of a multi-record batch,
   * else 1.
   */
  public int recordCount() {
    return (sysFlag() & SYSFLAG_MULTI_RECORD_BATCH) != 0 ? flag() : 1;
  }

  public int bodyLength() {
    return buffer.getInt(base + CommitLogDescriptor.bodyLengthOffset(sysFlag()));
  }

  /** Absolute index of the first body byte in the wrapped buffer. */
  public int bodyIndex() {
    return base + CommitLogDescriptor.bodyLengthOffset(sysFlag()) + 4;
  }

  /** A read-only view of the body; it shares the wrapped buffer's memory (no copy). */
  public ByteBuffer body() {
    return buffer.slice(bodyIndex(), bodyLength()).asReadOnlyBuffer();
  }

  private int topicLengthIndex() {
    return bodyIndex() + bodyLength();
  }

  private int topicLengthSize() {
    return magic() == MAGIC_V2 ? 2 : 1;
  }

  public int topicLength() {
    int index = topicLengthIndex();
    return magic() == MAGIC_V2 ? buffer.getShort(index) & 0xFFFF : buffer.get(index) & 0xFF;
  }

  public String topic() {
    return string(topicLengthIndex() + topicLengthSize(), topicLength());
  }

  private int propertiesLengthIndex() {
    return topicLengthIndex() + topicLengthSize() + topicLength();
  }

  public int propertiesLength() {
    return buffer.getShort(propertiesLengthIndex()) & 0xFFFF;
  }

  /** Absolute index of the first properties byte in the wrapped buffer. */
  public int propertiesIndex() {
    return propertiesLengthIndex() + 2;
  }

  public String properties() {
    return string(propertiesIndex(), propertiesLength());
  }

  /**
   * Index one past the last byte of the variable part, which must equal {@code base + totalSize()}.
   */
  public int endIndex() {
    return propertiesIndex() + propertiesLength();
  }

  private String string(int index, int length) {
    byte[] bytes = new byte[length];
    buffer.get(index, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private InetSocketAddress host(int index, boolean v6) {
    byte[] address = new byte[v6 ? 16 : 4];
    buffer.get(index, address);
    int port = buffer.getInt(index + address.length);
    try {
      return new InetSocketAddress(InetAddress.getByAddress(address), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address of length " + address.length + " rejected", e);
    }
  }
}
