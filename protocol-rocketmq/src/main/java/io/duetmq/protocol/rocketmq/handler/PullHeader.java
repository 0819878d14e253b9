package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;

/** The header of PULL_MESSAGE (11) and LITE_PULL_MESSAGE (361), reference §3.10. */
public record PullHeader(
    String consumerGroup,
    String topic,
    int queueId,
    long queueOffset,
    int maxMsgNums,
    int sysFlag,
    long commitOffset,
    long suspendTimeoutMillis,
    String subscription,
    long subVersion,
    String expressionType,
    int maxMsgBytes) {

  public static final int FLAG_COMMIT_OFFSET = 0x1;
  public static final int FLAG_SUSPEND = 0x2;
  public static final int FLAG_SUBSCRIPTION = 0x4;

  public static PullHeader decode(RemotingCommand request) {
    ExtFields h = ExtFields.of(request);
    return new PullHeader(
        h.string("consumerGroup"),
        h.string("topic"),
        h.integer("queueId"),
        h.longValue("queueOffset"),
        h.integer("maxMsgNums", 32),
        h.integer("sysFlag", 0),
        h.longValue("commitOffset", 0),
        h.longValue("suspendTimeoutMillis", 15_000),
        h.string("subscription", null),
        h.longValue("subVersion", 0),
        h.string("expressionType", "TAG"),
        h.integer("maxMsgBytes", Integer.MAX_VALUE));
  }

  public boolean has(int flag) {
    return (sysFlag & flag) != 0;
  }
}
