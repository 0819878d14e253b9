package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.json.JsonWriter;

/**
 * The map key of RocketMQ bodies keyed by {@code MessageQueue} (reference §1.11): the queue as a
 * JSON object, written here as a quoted string holding that object ({@code
 * "{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}"}), the standard-JSON form both client
 * versions accept. Stateless.
 */
final class MessageQueueKey {
  private MessageQueueKey() {}

  /**
   * The key text of {@code (topic, brokerName, queueId)}, members in fastjson's alphabetical order.
   */
  static String of(String topic, String brokerName, int queueId) {
    return new JsonWriter()
        .beginObject()
        .name("brokerName")
        .value(brokerName)
        .name("queueId")
        .value(queueId)
        .name("topic")
        .value(topic)
        .endObject()
        .toString();
  }
}
