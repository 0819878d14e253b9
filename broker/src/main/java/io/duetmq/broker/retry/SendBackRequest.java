package io.duetmq.broker.retry;

import java.util.Objects;

/**
 * The protocol-independent content of a CONSUMER_SEND_MSG_BACK request.
 *
 * @param group the consumer group
 * @param delayLevel 0: the broker decides; below 0: straight to the dead-letter queue; else a level
 * @param maxReconsumeTimes the header's value, or null when absent
 * @param requestVersion the client's protocol version (the header value counts from version 121)
 * @param originTopic the header's original topic, or null
 */
public record SendBackRequest(
    String group,
    int delayLevel,
    Integer maxReconsumeTimes,
    int requestVersion,
    String originTopic) {

  /** RocketMQ V3_4_9: the first version whose {@code maxReconsumeTimes} header is honoured. */
  public static final int MAX_RECONSUME_TIMES_HEADER_VERSION = 121;

  public SendBackRequest {
    Objects.requireNonNull(group, "group");
  }
}
