package io.duetmq.store;

import static io.duetmq.store.log.CommitLogDescriptor.MAX_TOPIC_LENGTH_V1;
import static io.duetmq.store.log.CommitLogDescriptor.SYSFLAG_BORNHOST_V6;
import static io.duetmq.store.log.CommitLogDescriptor.SYSFLAG_MULTI_RECORD_BATCH;

import io.duetmq.store.log.CommitLogDescriptor;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * One record to append: a single RocketMQ message, or an opaque batch of several logical records (a
 * Kafka batch) with a record count and an optional {@link BodyPatcher}.
 *
 * <p>Everything that can be computed before the record reaches the single writer thread is computed
 * here, on the caller's thread: topic and properties bytes, the body CRC (unless a patcher will
 * change the body), the record length.
 *
 * <p>Buffer ownership: the body buffer stays owned by the caller, who must not change or free it
 * until the append's future completes; the writer copies it into the log. Instances are immutable
 * and thread-safe.
 */
public final class AppendRequest {
  private static final byte[] NO_ADDRESS = new byte[4];

  private final String topic;
  private final byte[] topicBytes;
  private final int queueId;
  private final ByteBuffer body;
  private final byte[] properties;
  private final int flag;
  private final int sysFlag;
  private final long bornTimestamp;
  private final byte[] bornAddress;
  private final int bornPort;
  private final int reconsumeTimes;
  private final long preparedTransactionOffset;
  private final int recordCount;
  private final BodyPatcher patcher;
  private final boolean waitForFlush;
  private final int bodyCrc;

  private AppendRequest(Builder b) {
    this.topic = Objects.requireNonNull(b.topic, "topic");
    this.topicBytes = topic.getBytes(StandardCharsets.UTF_8);
    if (topicBytes.length == 0 || topicBytes.length > Short.MAX_VALUE) {
      throw new IllegalArgumentException(
          "topic length " + topicBytes.length + " out of range: " + topic);
    }
    if (b.queueId < 0) {
      throw new IllegalArgumentException("queueId " + b.queueId + " < 0 for topic " + topic);
    }
    if (b.recordCount < 1) {
      throw new IllegalArgumentException("recordCount " + b.recordCount + " < 1");
    }
    this.queueId = b.queueId;
    this.body = b.body.asReadOnlyBuffer();
    this.properties = b.properties == null ? new byte[0] : b.properties;
    this.bornAddress = b.bornAddress;
    this.bornPort = b.bornPort;
    this.recordCount = b.recordCount;
    this.patcher = b.patcher;
    boolean batch = b.recordCount > 1 || b.multiRecord;
    int flags = b.sysFlag & ~(SYSFLAG_BORNHOST_V6 | SYSFLAG_MULTI_RECORD_BATCH);
    flags |= bornAddress.length == 16 ? SYSFLAG_BORNHOST_V6 : 0;
    flags |= batch ? SYSFLAG_MULTI_RECORD_BATCH : 0;
    this.sysFlag = flags;
    this.flag = batch ? b.recordCount : b.flag;
    this.bornTimestamp = b.bornTimestamp;
    this.reconsumeTimes = b.reconsumeTimes;
    this.preparedTransactionOffset = b.preparedTransactionOffset;
    this.waitForFlush = b.waitForFlush;
    this.bodyCrc = patcher == null ? crc(body) : 0;
  }

  /** Starts a request for a record in {@code (topic, queueId)} with the given body. */
  public static Builder builder(String topic, int queueId, ByteBuffer body) {
    return new Builder(topic, queueId, body);
  }

  /** The masked CRC32 RocketMQ stores as BODYCRC. */
  public static int crc(ByteBuffer bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes.duplicate());
    return (int) crc.getValue() & 0x7FFFFFFF;
  }

  /** Record length in the log for a store host of the given address length. */
  public int recordLength(boolean storeHostV6) {
    return CommitLogDescriptor.recordLength(
        body.remaining(),
        topicBytes.length,
        properties.length,
        bornAddress.length == 16,
        storeHostV6,
        usesMagicV2());
  }

  public boolean usesMagicV2() {
    return topicBytes.length > MAX_TOPIC_LENGTH_V1;
  }

  public String topic() {
    return topic;
  }

  public byte[] topicBytes() {
    return topicBytes;
  }

  public int queueId() {
    return queueId;
  }

  /** A read-only view of the body, positioned at its first byte. */
  public ByteBuffer body() {
    return body.duplicate();
  }

  public byte[] properties() {
    return properties;
  }

  public int flag() {
    return flag;
  }

  public int sysFlag() {
    return sysFlag;
  }

  public long bornTimestamp() {
    return bornTimestamp;
  }

  public byte[] bornAddress() {
    return bornAddress;
  }

  public int bornPort() {
    return bornPort;
  }

  public int reconsumeTimes() {
    return reconsumeTimes;
  }

  public long preparedTransactionOffset() {
    return preparedTransactionOffset;
  }

  public int recordCount() {
    return recordCount;
  }

  /** The patcher, or null. */
  public BodyPatcher patcher() {
    return patcher;
  }

  public boolean waitForFlush() {
    return waitForFlush;
  }

  /**
   * The precomputed body CRC; meaningless when a patcher is set (the writer computes it after
   * patching).
   */
  public int bodyCrc() {
    return bodyCrc;
  }

  /** Collects the fields of an {@link AppendRequest}; not thread-safe. */
  public static final class Builder {
    private final String topic;
    private final int queueId;
    private final ByteBuffer body;
    private byte[] properties;
    private int flag;
    private int sysFlag;
    private long bornTimestamp;
    private byte[] bornAddress = NO_ADDRESS;
    private int bornPort;
    private int reconsumeTimes;
    private long preparedTransactionOffset;
    private int recordCount = 1;
    private boolean multiRecord;
    private BodyPatcher patcher;
    private boolean waitForFlush = true;

    private Builder(String topic, int queueId, ByteBuffer body) {
      this.topic = topic;
      this.queueId = queueId;
      this.body = Objects.requireNonNull(body, "body");
    }

    /** Properties in RocketMQ's string form (key 0x01 value 0x02 ...). */
    public Builder properties(String value) {
      this.properties = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    public Builder flag(int value) {
      this.flag = value;
      return this;
    }

    public Builder sysFlag(int value) {
      this.sysFlag = value;
      return this;
    }

    public Builder bornTimestamp(long value) {
      this.bornTimestamp = value;
      return this;
    }

    public Builder bornHost(InetSocketAddress value) {
      this.bornAddress = value.getAddress() == null ? NO_ADDRESS : value.getAddress().getAddress();
      this.bornPort = value.getPort();
      return this;
    }

    public Builder reconsumeTimes(int value) {
      this.reconsumeTimes = value;
      return this;
    }

    public Builder preparedTransactionOffset(long value) {
      this.preparedTransactionOffset = value;
      return this;
    }

    /**
     * Marks the record as an opaque batch of {@code count} logical records (even when count is 1).
     */
    public Builder batch(int count, BodyPatcher bodyPatcher) {
      this.recordCount = count;
      this.multiRecord = true;
      this.patcher = bodyPatcher;
      return this;
    }

    /**
     * RocketMQ's {@code WAIT} property: false lets a SYNC_FLUSH store acknowledge before the fsync.
     */
    public Builder waitForFlush(boolean value) {
      this.waitForFlush = value;
      return this;
    }

    public AppendRequest build() {
      return new AppendRequest(this);
    }
  }
}
