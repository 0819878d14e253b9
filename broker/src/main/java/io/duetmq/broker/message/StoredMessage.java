package io.duetmq.broker.message;

import io.duetmq.store.AppendRequest;
import io.duetmq.store.StoredRecord;
import io.duetmq.store.log.CommitLogDescriptor;
import io.duetmq.store.log.MessageRecordFlyweight;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored commit-log record decoded into values: header fields, parsed properties and the body.
 *
 * <p>Buffer ownership: {@link #body()} returns a read-only view of the record's memory (for a
 * record read from the store, the mapped segment); nothing is copied and nothing needs releasing.
 * The view stays valid as long as it is referenced.
 *
 * <p>Thread-safety: immutable; {@link #body()} hands every caller its own view.
 */
public final class StoredMessage {
  private final String topic;
  private final int queueId;
  private final long queueOffset;
  private final long commitLogOffset;
  private final int sysFlag;
  private final int flag;
  private final long bornTimestamp;
  private final InetSocketAddress bornHost;
  private final long storeTimestamp;
  private final InetSocketAddress storeHost;
  private final int reconsumeTimes;
  private final long preparedTransactionOffset;
  private final Map<String, String> properties;
  private final ByteBuffer body;

  private StoredMessage(MessageRecordFlyweight record) {
    this.topic = record.topic();
    this.queueId = record.queueId();
    this.queueOffset = record.queueOffset();
    this.commitLogOffset = record.physicalOffset();
    this.sysFlag = record.sysFlag();
    this.flag = record.flag();
    this.bornTimestamp = record.bornTimestamp();
    this.bornHost = record.bornHost();
    this.storeTimestamp = record.storeTimestamp();
    this.storeHost = record.storeHost();
    this.reconsumeTimes = record.reconsumeTimes();
    this.preparedTransactionOffset = record.preparedTransactionOffset();
    this.properties = Collections.unmodifiableMap(MessageProperties.parse(record.properties()));
    this.body = record.body();
  }

  /** Decodes a record the store returned (by queue read or by physical offset). */
  public static StoredMessage decode(StoredRecord record) {
    return decode(record.buffer(), 0);
  }

  /**
   * Decodes the record starting at {@code index} of {@code buffer} (absolute access; the buffer's
   * position and limit are not used). The record must be complete and valid, as the store returns
   * them.
   */
  public static StoredMessage decode(ByteBuffer buffer, int index) {
    return new StoredMessage(new MessageRecordFlyweight().wrap(buffer, index));
  }

  public String topic() {
    return topic;
  }

  public int queueId() {
    return queueId;
  }

  public long queueOffset() {
    return queueOffset;
  }

  public long commitLogOffset() {
    return commitLogOffset;
  }

  public int sysFlag() {
    return sysFlag;
  }

  public int flag() {
    return flag;
  }

  public long bornTimestamp() {
    return bornTimestamp;
  }

  public InetSocketAddress bornHost() {
    return bornHost;
  }

  public long storeTimestamp() {
    return storeTimestamp;
  }

  public InetSocketAddress storeHost() {
    return storeHost;
  }

  public int reconsumeTimes() {
    return reconsumeTimes;
  }

  public long preparedTransactionOffset() {
    return preparedTransactionOffset;
  }

  /** The properties in stored order; unmodifiable. */
  public Map<String, String> properties() {
    return properties;
  }

  /** One property, or null. */
  public String property(String key) {
    return properties.get(key);
  }

  /** A fresh read-only view of the body (position 0, limit = body length). */
  public ByteBuffer body() {
    return body.duplicate();
  }

  /** Whether the record is an opaque multi-record batch (a Kafka batch), not one message. */
  public boolean isMultiRecordBatch() {
    return (sysFlag & CommitLogDescriptor.SYSFLAG_MULTI_RECORD_BATCH) != 0;
  }

  /** The offset id of this record (store host + commit-log offset). */
  public String offsetMessageId() {
    return MessageIds.offsetId(storeHost, commitLogOffset);
  }

  /** The id clients see: {@code UNIQ_KEY} when present, else the offset id. */
  public String messageId() {
    String unique = properties.get(MessagePropertyKeys.UNIQ_KEY);
    return unique != null ? unique : offsetMessageId();
  }

  /** A modifiable copy of the properties, in stored order, for building a changed message. */
  public Map<String, String> copyProperties() {
    return new LinkedHashMap<>(properties);
  }

  /**
   * Starts an append that writes this message again to {@code (topic, queueId)} with the given
   * properties: same body, flag, sysFlag, born timestamp and host, reconsume times and prepared
   * transaction offset, and {@code waitForFlush} from the {@code WAIT} property. Callers override
   * what changes (e.g. {@code reconsumeTimes}) on the returned builder.
   *
   * <p>The body of the request is a view of this record's memory; it stays valid until the append
   * completes.
   *
   * @throws IllegalArgumentException for a multi-record batch, which cannot be re-put as one
   *     message
   */
  public AppendRequest.Builder rePut(String newTopic, int newQueueId, Map<String, String> props) {
    if (isMultiRecordBatch()) {
      throw new IllegalArgumentException(
          "record at commit-log offset "
              + commitLogOffset
              + " of "
              + topic
              + " is a multi-record batch and cannot be re-put as one message");
    }
    return AppendRequest.builder(newTopic, newQueueId, body())
        .properties(MessageProperties.format(props))
        .flag(flag)
        .sysFlag(sysFlag)
        .bornTimestamp(bornTimestamp)
        .bornHost(bornHost)
        .reconsumeTimes(reconsumeTimes)
        .preparedTransactionOffset(preparedTransactionOffset)
        .waitForFlush(!"false".equals(props.get(MessagePropertyKeys.WAIT)));
  }

  @Override
  public String toString() {
    return "StoredMessage[topic="
        + topic
        + ", queueId="
        + queueId
        + ", queueOffset="
        + queueOffset
        + ", commitLogOffset="
        + commitLogOffset
        + ", reconsumeTimes="
        + reconsumeTimes
        + ", properties="
        + properties.size()
        + ", bodyLength="
        + body.remaining()
        + "]";
  }
}
