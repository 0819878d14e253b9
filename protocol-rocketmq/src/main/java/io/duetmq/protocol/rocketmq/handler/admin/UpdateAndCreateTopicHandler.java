package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.topic.TopicConfig;
import io.duetmq.broker.topic.TopicFilterType;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.broker.topic.TopicResult;
import io.duetmq.broker.topic.TopicStatus;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.ResponseCode;
import io.duetmq.protocol.rocketmq.handler.BrokerResponseCode;
import io.duetmq.protocol.rocketmq.handler.ExtFields;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * UPDATE_AND_CREATE_TOPIC (17), mqadmin {@code updateTopic} (reference §4): stores the topic's
 * settings from the header. A bad name or setting is INVALID_PARAMETER, a system topic
 * SYSTEM_ERROR; an unchanged topic is SUCCESS. The registry tells its listeners (the NameServer
 * registration) about the change.
 *
 * <p>{@code attributes} is RocketMQ's change list {@code +key=value,-key}, applied to the topic's
 * current attributes.
 *
 * <p>Thread-safety: stateless apart from the registry, which is thread-safe.
 */
public final class UpdateAndCreateTopicHandler implements RequestHandler {
  private final TopicRegistry topics;

  public UpdateAndCreateTopicHandler(TopicRegistry topics) {
    this.topics = topics;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    String name = header.string("topic");
    TopicConfig config;
    try {
      TopicConfig previous = topics.get(name);
      config =
          new TopicConfig(
              name,
              header.integer("readQueueNums", 8),
              header.integer("writeQueueNums", 8),
              header.integer("perm", 6),
              TopicFilterType.valueOf(
                  header.string("topicFilterType", "SINGLE_TAG").toUpperCase(Locale.ROOT)),
              header.integer("topicSysFlag", 0),
              header.bool("order", false),
              applyAttributes(
                  previous == null ? Map.of() : previous.attributes(),
                  header.string("attributes", "")));
    } catch (IllegalArgumentException e) {
      return Responses.errorNow(request, BrokerResponseCode.INVALID_PARAMETER, e.getMessage());
    }
    TopicResult result = topics.createOrUpdate(config);
    if (result.status() == TopicStatus.INVALID_NAME) {
      return Responses.errorNow(request, BrokerResponseCode.INVALID_PARAMETER, result.error());
    }
    if (!result.status().hasTopic()) {
      return Responses.errorNow(request, ResponseCode.SYSTEM_ERROR, result.error());
    }
    return Responses.successNow(request, Map.of());
  }

  /**
   * Applies a change list like {@code +message.type=NORMAL,-old.key} to {@code current}.
   *
   * @throws IllegalArgumentException for an entry that neither adds a {@code key=value} nor removes
   *     a key
   */
  static Map<String, String> applyAttributes(Map<String, String> current, String changes) {
    Map<String, String> result = new LinkedHashMap<>(current);
    if (changes == null || changes.isBlank()) {
      return result;
    }
    for (String entry : changes.split(",")) {
      String change = entry.trim();
      if (change.isEmpty()) {
        continue;
      }
      int equals = change.indexOf('=');
      if (change.charAt(0) == '+' && equals > 1) {
        result.put(change.substring(1, equals), change.substring(equals + 1));
      } else if (change.charAt(0) == '-' && change.length() > 1 && equals < 0) {
        result.remove(change.substring(1));
      } else {
        throw new IllegalArgumentException(
            "attribute change '" + change + "' is not +key=value or -key");
      }
    }
    return result;
  }
}
