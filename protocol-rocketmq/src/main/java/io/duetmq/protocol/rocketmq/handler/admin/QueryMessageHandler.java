package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.message.MessageProperties;
import io.duetmq.broker.message.MessagePropertyKeys;
import io.duetmq.broker.message.StoredMessage;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.ExtFields;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.StoredRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * QUERY_MESSAGE (12), reference §3.20: the stored records of a topic whose {@code KEYS} (or, for a
 * unique-key query, {@code UNIQ_KEY}) hold the key, found through the key index within the time
 * range, newest first, back to back in the body. Index candidates are checked on the record (topic
 * and key), so hash collisions never reach the client. Kafka batch records are left out: a RocketMQ
 * client cannot decode them as one message.
 *
 * <p>Thread-safety: stateless apart from its collaborators, which are thread-safe.
 */
public final class QueryMessageHandler implements RequestHandler {
  /** RocketMQ's {@code defaultQueryMaxNum}, used for unique-key queries. */
  static final int UNIQUE_KEY_QUERY_MAX_NUM = 32;

  private final MessageKeyIndex index;
  private final LongSupplier indexedOffset;

  /**
   * @param index the key index
   * @param indexedOffset the commit-log offset up to which the index is built
   */
  public QueryMessageHandler(MessageKeyIndex index, LongSupplier indexedOffset) {
    this.index = index;
    this.indexedOffset = indexedOffset;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    String topic = header.string("topic");
    String key = header.string("key");
    boolean uniqueKey = header.bool("_UNIQUE_KEY_QUERY", false);
    int maxNum = uniqueKey ? UNIQUE_KEY_QUERY_MAX_NUM : Math.max(1, header.integer("maxNum"));
    long begin = header.longValue("beginTimestamp");
    long end = header.longValue("endTimestamp");
    long indexed = indexedOffset.getAsLong();
    List<StoredRecord> matches = new ArrayList<>();
    long lastTimestamp = 0;
    for (StoredRecord record : index.query(topic, key, maxNum, begin, end)) {
      if (matches(record, topic, key, uniqueKey)) {
        matches.add(record);
        lastTimestamp = Math.max(lastTimestamp, record.storeTimestamp());
      }
    }
    if (matches.isEmpty()) {
      return Responses.errorNow(
          request,
          BrokerResponseCode.QUERY_NOT_FOUND,
          "can not find message, maybe time range not correct");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("indexLastUpdateTimestamp", lastTimestamp);
    fields.put("indexLastUpdatePhyoffset", indexed);
    return CompletableFuture.completedFuture(Responses.success(request, fields, concat(matches)));
  }

  private static boolean matches(StoredRecord record, String topic, String key, boolean uniqueKey) {
    StoredMessage message;
    try {
      message = StoredMessage.decode(record);
    } catch (RuntimeException e) {
      return false;
    }
    if (message.isMultiRecordBatch() || !message.topic().equals(topic)) {
      return false;
    }
    if (key.equals(message.property(MessagePropertyKeys.UNIQ_KEY))) {
      return true;
    }
    return !uniqueKey
        && MessageProperties.splitKeys(message.property(MessagePropertyKeys.KEYS)).contains(key);
  }

  static byte[] concat(List<StoredRecord> records) {
    int total = 0;
    for (StoredRecord record : records) {
      total += record.size();
    }
    byte[] body = new byte[total];
    int at = 0;
    for (StoredRecord record : records) {
      ByteBuffer bytes = record.buffer().duplicate();
      int length = bytes.remaining();
      bytes.get(body, at, length);
      at += length;
    }
    return body;
  }
}
