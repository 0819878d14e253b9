package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.message.MessageProperties;
import io.duetmq.broker.message.MessagePropertyKeys;
import io.duetmq.broker.retry.RetryTopicNames;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.RemoteAddresses;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.handler.SendHeader;
import io.duetmq.protocol.rocketmq.handler.SendResults;
import io.duetmq.protocol.rocketmq.handler.TopicAdmission;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.AppendRequest;
import io.duetmq.store.MessageAppender;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * SEND_BATCH_MESSAGE (320), reference §3.4: admits the topic and queue like a single send, splits
 * the body into its inner messages and appends them as one unit, so that they take consecutive
 * offsets of one queue.
 *
 * <p>Each stored message keeps only its own properties plus {@code CLUSTER}; the batch-level header
 * properties (with the batch {@code UNIQ_KEY} of 5.3.3 clients) are not merged in, which would give
 * every message the same id (reference §3.4, pitfall). Flag, body and properties come from the
 * inner message; sysFlag, born time and host and the queue from the request. Batches to {@code
 * %RETRY%} topics and bodies that do not decode are refused with MESSAGE_ILLEGAL.
 *
 * <p>Thread-safety: stateless apart from its collaborators, which are thread-safe.
 */
public final class SendBatchMessageHandler implements RequestHandler {
  private final TopicAdmission admission;
  private final MessageAppender appender;
  private final SendResults results;
  private final String clusterName;

  public SendBatchMessageHandler(
      TopicAdmission admission, MessageAppender appender, SendResults results, String clusterName) {
    this.admission = admission;
    this.appender = appender;
    this.results = results;
    this.clusterName = clusterName;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    SendHeader header = SendHeader.decode(request);
    if (RetryTopicNames.isRetryTopic(header.topic())) {
      return Responses.errorNow(
          request,
          BrokerResponseCode.MESSAGE_ILLEGAL,
          "batch request does not support retry group " + header.topic());
    }
    TopicAdmission.Admission admitted = admission.admit(header);
    if (!admitted.admitted()) {
      return Responses.errorNow(request, admitted.code(), admitted.remark());
    }
    List<BatchBodyDecoder.InnerMessage> messages;
    try {
      messages = BatchBodyDecoder.decode(request.body());
    } catch (MalformedBatchException e) {
      return Responses.errorNow(
          request, BrokerResponseCode.MESSAGE_ILLEGAL, "malformed batch body: " + e.getMessage());
    }
    boolean waitForFlush =
        !"false".equals(MessageProperties.parse(header.properties()).get(MessagePropertyKeys.WAIT));
    InetSocketAddress bornHost = RemoteAddresses.parse(channel.remoteAddress());
    List<AppendRequest> appends = new ArrayList<>(messages.size());
    for (BatchBodyDecoder.InnerMessage message : messages) {
      Map<String, String> properties = MessageProperties.parse(message.properties());
      properties.put(MessagePropertyKeys.CLUSTER, clusterName);
      String formatted;
      try {
        formatted = MessageProperties.format(properties);
      } catch (IllegalArgumentException e) {
        return Responses.errorNow(
            request,
            BrokerResponseCode.MESSAGE_ILLEGAL,
            "malformed batch properties: " + e.getMessage());
      }
      appends.add(
          AppendRequest.builder(header.topic(), admitted.queueId(), message.body())
              .properties(formatted)
              .flag(message.flag())
              .sysFlag(header.sysFlag())
              .bornTimestamp(header.bornTimestamp())
              .bornHost(bornHost)
              .reconsumeTimes(header.reconsumeTimes())
              .waitForFlush(waitForFlush)
              .build());
    }
    int queueId = admitted.queueId();
    return appender.appendAll(appends).thenApply(stored -> results.batch(request, stored, queueId));
  }
}
