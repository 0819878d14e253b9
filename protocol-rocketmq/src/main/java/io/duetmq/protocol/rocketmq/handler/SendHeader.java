package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;

/**
 * The header of SEND_MESSAGE (10, long field names), SEND_MESSAGE_V2 (310, one-letter names) and
 * SEND_BATCH_MESSAGE (320, V2 names), reference §3.3.
 */
public record SendHeader(
    String producerGroup,
    String topic,
    String defaultTopic,
    int defaultTopicQueueNums,
    int queueId,
    int sysFlag,
    long bornTimestamp,
    int flag,
    String properties,
    int reconsumeTimes,
    int maxReconsumeTimes,
    boolean batch) {

  /** Decodes the header of either form. */
  public static SendHeader decode(RemotingCommand request) {
    ExtFields h = ExtFields.of(request);
    if (request.code() == RequestCode.SEND_MESSAGE) {
      return new SendHeader(
          h.string("producerGroup"),
          h.string("topic"),
          h.string("defaultTopic", "TBW102"),
          h.integer("defaultTopicQueueNums", 4),
          h.integer("queueId"),
          h.integer("sysFlag", 0),
          h.longValue("bornTimestamp", 0),
          h.integer("flag", 0),
          h.string("properties", ""),
          h.integer("reconsumeTimes", 0),
          h.integer("maxReconsumeTimes", -1),
          h.bool("batch", false));
    }
    return new SendHeader(
        h.string("a"),
        h.string("b"),
        h.string("c", "TBW102"),
        h.integer("d", 4),
        h.integer("e"),
        h.integer("f", 0),
        h.longValue("g", 0),
        h.integer("h", 0),
        h.string("i", ""),
        h.integer("j", 0),
        h.integer("l", -1),
        h.bool("m", request.code() == RequestCode.SEND_BATCH_MESSAGE));
  }
}
