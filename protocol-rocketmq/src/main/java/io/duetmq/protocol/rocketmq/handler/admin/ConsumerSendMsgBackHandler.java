package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.delay.ScheduleTopicRouter;
import io.duetmq.broker.group.SubscriptionGroupConfig;
import io.duetmq.broker.group.SubscriptionGroupRegistry;
import io.duetmq.broker.message.StoredMessage;
import io.duetmq.broker.retry.RetryAction;
import io.duetmq.broker.retry.RetryDecision;
import io.duetmq.broker.retry.RetryPolicy;
import io.duetmq.broker.retry.RetryTopics;
import io.duetmq.broker.retry.SendBackRequest;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.ResponseCode;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.ExtFields;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.handler.StoreStatusCodes;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.AppendRequest;
import io.duetmq.store.MessageAppender;
import io.duetmq.store.QueueReader;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * CONSUMER_SEND_MSG_BACK (36), reference §3.13: looks the consumed message up by its commit-log
 * offset, lets the {@link RetryPolicy} decide between the group's retry topic (delayed through the
 * schedule topic) and its dead-letter topic, creates that topic if needed and appends the copy.
 * Answers SUCCESS once the copy is stored; when the request cannot be served (unknown offset, a
 * Kafka batch record, a store refusal) the error makes the client send the message to the retry
 * topic itself.
 *
 * <p>Thread-safety: stateless apart from its collaborators, which are thread-safe.
 */
public final class ConsumerSendMsgBackHandler implements RequestHandler {
  private final SubscriptionGroupRegistry groups;
  private final QueueReader reader;
  private final RetryPolicy policy;
  private final RetryTopics retryTopics;
  private final ScheduleTopicRouter scheduler;
  private final MessageAppender appender;

  public ConsumerSendMsgBackHandler(
      SubscriptionGroupRegistry groups,
      QueueReader reader,
      RetryPolicy policy,
      RetryTopics retryTopics,
      ScheduleTopicRouter scheduler,
      MessageAppender appender) {
    this.groups = groups;
    this.reader = reader;
    this.policy = policy;
    this.retryTopics = retryTopics;
    this.scheduler = scheduler;
    this.appender = appender;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    long offset = header.longValue("offset");
    String group = header.string("group");
    int delayLevel = header.integer("delayLevel", 0);
    String maxText = header.string("maxReconsumeTimes", null);
    Integer maxReconsumeTimes = maxText == null ? null : header.integer("maxReconsumeTimes");
    SubscriptionGroupConfig config = groups.findOrCreate(group);
    if (config == null) {
      return Responses.errorNow(
          request,
          BrokerResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
          "subscription group not exist, " + group);
    }
    StoredMessage original = StoredRecords.messageAt(reader, offset);
    if (original == null) {
      return Responses.errorNow(
          request, ResponseCode.SYSTEM_ERROR, "look message by offset failed, " + offset);
    }
    RetryDecision decision =
        policy.decideSendBack(
            original,
            new SendBackRequest(
                group,
                delayLevel,
                maxReconsumeTimes,
                request.version(),
                header.string("originTopic", null)));
    if (decision.action() == RetryAction.DROP) {
      return Responses.successNow(request, Map.of());
    }
    if (decision.action() == RetryAction.TOPIC_MISMATCH) {
      return Responses.errorNow(
          request,
          ResponseCode.SYSTEM_ERROR,
          "the message at offset "
              + offset
              + " is of topic "
              + original.topic()
              + ", not the origin topic");
    }
    boolean writable =
        decision.action() == RetryAction.DEAD_LETTER
            ? retryTopics.ensureDlqTopic(group)
            : retryTopics.ensureRetryTopic(group, Math.max(1, config.retryQueueNums()));
    if (!writable) {
      return Responses.errorNow(
          request,
          BrokerResponseCode.NO_PERMISSION,
          "the topic[" + decision.topic() + "] is not writable");
    }
    AppendRequest append;
    try {
      append = decision.appendRequest(original, scheduler).build();
    } catch (IllegalArgumentException e) {
      return Responses.errorNow(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
    }
    return appender
        .append(append)
        .thenApply(
            result ->
                result.status().isStored()
                    ? Responses.success(request, Map.of(), null)
                    : Responses.error(
                        request,
                        StoreStatusCodes.forAppend(result.status()),
                        result.status().name()));
  }
}
