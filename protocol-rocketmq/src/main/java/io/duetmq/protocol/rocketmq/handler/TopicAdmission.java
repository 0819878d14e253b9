package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.broker.topic.TopicConfig;
import io.duetmq.broker.topic.TopicNames;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.broker.topic.TopicResult;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides whether a send may go to its topic and queue (reference §3.3, broker behaviour 1–3):
 * system topics that may not be sent to, the name rule, creation of unknown topics from the default
 * topic, and the queue id (a random writable queue when the producer left it negative).
 */
public final class TopicAdmission {
  private final TopicRegistry topics;

  public TopicAdmission(TopicRegistry topics) {
    this.topics = topics;
  }

  /**
   * The admitted topic and queue, or the error to answer with.
   *
   * @param code 0 when admitted, else the response code
   * @param remark the error text, or null
   * @param topic the topic's config when admitted
   * @param queueId the queue to store into when admitted
   */
  public record Admission(int code, String remark, TopicConfig topic, int queueId) {
    public boolean admitted() {
      return code == 0;
    }
  }

  public Admission admit(SendHeader header) {
    String topic = header.topic();
    if (TopicNames.isNotSendable(topic)) {
      return refuse(
          BrokerResponseCode.NO_PERMISSION, "sending message to topic[" + topic + "] is forbidden");
    }
    String invalid = TopicNames.validate(topic);
    if (invalid != null) {
      return refuse(BrokerResponseCode.INVALID_PARAMETER, invalid);
    }
    TopicConfig config = topics.get(topic);
    if (config == null) {
      TopicResult created =
          topics.autoCreate(topic, header.defaultTopic(), header.defaultTopicQueueNums());
      if (!created.status().hasTopic()) {
        return refuse(BrokerResponseCode.TOPIC_NOT_EXIST, created.error());
      }
      config = created.config();
    }
    if (!config.isWritable()) {
      return refuse(
          BrokerResponseCode.NO_PERMISSION,
          "the topic[" + topic + "] sending message is forbidden");
    }
    int queueId = header.queueId();
    int queues = Math.max(config.readQueueNums(), config.writeQueueNums());
    if (queueId < 0) {
      queueId = ThreadLocalRandom.current().nextInt(Math.max(1, config.writeQueueNums()));
    } else if (queueId >= queues) {
      return refuse(
          BrokerResponseCode.INVALID_PARAMETER,
          "request queueId["
              + queueId
              + "] is illegal, topic "
              + topic
              + " has "
              + queues
              + " queues");
    }
    return new Admission(0, null, config, queueId);
  }

  private static Admission refuse(int code, String remark) {
    return new Admission(code, remark, null, -1);
  }
}
