package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.broker.delay.ScheduleRoute;
import io.duetmq.broker.delay.ScheduleTopicRouter;
import io.duetmq.broker.message.MessageProperties;
import io.duetmq.broker.message.MessagePropertyKeys;
import io.duetmq.broker.retry.RetryAction;
import io.duetmq.broker.retry.RetryDecision;
import io.duetmq.broker.retry.RetryPolicy;
import io.duetmq.broker.retry.RetryTopicNames;
import io.duetmq.broker.retry.RetryTopics;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.AppendRequest;
import io.duetmq.store.MessageAppender;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * SEND_MESSAGE (10) and SEND_MESSAGE_V2 (310): admits the topic and queue, adds the broker's
 * properties, parks delayed messages in the schedule topic, appends, and answers with the offset
 * message id and queue offset once the store's flush policy allows (reference §3.3).
 */
public final class SendMessageHandler implements RequestHandler {
  private final TopicAdmission admission;
  private final ScheduleTopicRouter scheduler;
  private final MessageAppender appender;
  private final SendResults results;
  private final String clusterName;
  private final RetryPolicy retryPolicy;
  private final RetryTopics retryTopics;

  public SendMessageHandler(
      TopicAdmission admission,
      ScheduleTopicRouter scheduler,
      MessageAppender appender,
      SendResults results,
      String clusterName,
      RetryPolicy retryPolicy,
      RetryTopics retryTopics) {
    this.admission = admission;
    this.scheduler = scheduler;
    this.appender = appender;
    this.results = results;
    this.clusterName = clusterName;
    this.retryPolicy = retryPolicy;
    this.retryTopics = retryTopics;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    SendHeader header = SendHeader.decode(request);
    TopicAdmission.Admission admitted = admission.admit(header);
    if (!admitted.admitted()) {
      return Responses.errorNow(request, admitted.code(), admitted.remark());
    }
    byte[] body = request.body() == null ? new byte[0] : request.body();
    Map<String, String> properties = MessageProperties.parse(header.properties());
    properties.put(MessagePropertyKeys.CLUSTER, clusterName);
    String topic = header.topic();
    int queueId = admitted.queueId();
    if (RetryTopicNames.isRetryTopic(topic)) {
      // A client re-sending a message it failed to consume (reference §3.13): past the maximum
      // reconsume times it goes to the group's dead-letter queue instead.
      RetryDecision decision =
          retryPolicy.decideRetrySend(
              topic,
              queueId,
              header.reconsumeTimes(),
              header.maxReconsumeTimes() >= 0 ? header.maxReconsumeTimes() : null,
              request.version(),
              false,
              properties);
      if (decision.action() == RetryAction.DEAD_LETTER) {
        retryTopics.ensureDlqTopic(RetryTopicNames.groupOfRetryTopic(topic));
        topic = decision.topic();
        queueId = decision.queueId();
        properties = new LinkedHashMap<>(decision.properties());
      }
    }
    ScheduleRoute route = scheduler.route(topic, queueId, header.sysFlag(), properties);
    AppendRequest append =
        AppendRequest.builder(route.topic(), route.queueId(), ByteBuffer.wrap(body))
            .properties(MessageProperties.format(route.properties()))
            .flag(header.flag())
            .sysFlag(header.sysFlag())
            .bornTimestamp(header.bornTimestamp())
            .bornHost(RemoteAddresses.parse(channel.remoteAddress()))
            .reconsumeTimes(header.reconsumeTimes())
            .waitForFlush(!"false".equals(properties.get(MessagePropertyKeys.WAIT)))
            .build();
    String uniqueKey = properties.get(MessagePropertyKeys.UNIQ_KEY);
    return appender
        .append(append)
        .thenApply(result -> results.single(request, result, admitted.queueId(), uniqueKey));
  }
}
