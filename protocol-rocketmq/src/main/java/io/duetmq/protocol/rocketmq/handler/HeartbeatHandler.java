package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.broker.config.ConfigJson;
import io.duetmq.broker.group.ClientConnection;
import io.duetmq.broker.group.ConsumeFromWhere;
import io.duetmq.broker.group.ConsumeType;
import io.duetmq.broker.group.ConsumerGroupRegistry;
import io.duetmq.broker.group.ConsumerHeartbeat;
import io.duetmq.broker.group.ExpressionType;
import io.duetmq.broker.group.MessageModel;
import io.duetmq.broker.group.ProducerRegistry;
import io.duetmq.broker.group.SubscriptionData;
import io.duetmq.broker.group.SubscriptionGroupConfig;
import io.duetmq.broker.group.SubscriptionGroupRegistry;
import io.duetmq.broker.json.JsonArray;
import io.duetmq.broker.json.JsonLong;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonReader;
import io.duetmq.broker.json.JsonString;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.broker.topic.TopicRegistry;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * HEART_BEAT (34): registers the client's consumer groups (with their subscriptions, kept for pulls
 * that do not carry one) and producer groups on this connection, creates each group's retry topic,
 * and answers with our version (reference §3.6).
 */
public final class HeartbeatHandler implements RequestHandler {
  private final ConsumerGroupRegistry consumers;
  private final ProducerRegistry producers;
  private final SubscriptionGroupRegistry groups;
  private final TopicRegistry topics;
  private final ClientConnections connections;

  public HeartbeatHandler(
      ConsumerGroupRegistry consumers,
      ProducerRegistry producers,
      SubscriptionGroupRegistry groups,
      TopicRegistry topics,
      ClientConnections connections) {
    this.consumers = consumers;
    this.producers = producers;
    this.groups = groups;
    this.topics = topics;
    this.connections = connections;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    if (request.body() == null) {
      throw new BadRequestException("HEART_BEAT without a body");
    }
    JsonValue parsed = JsonReader.parse(new String(request.body(), StandardCharsets.UTF_8));
    if (!(parsed instanceof JsonObject body)) {
      throw new BadRequestException("HEART_BEAT body is not a JSON object");
    }
    String clientId = ConfigJson.string(body, "clientID", null);
    if (clientId == null) {
      throw new BadRequestException("HEART_BEAT body lacks clientID");
    }
    ClientConnection connection = connections.of(channel, request);
    for (JsonObject consumer : objects(body.get("consumerDataSet"))) {
      registerConsumer(clientId, connection, consumer);
    }
    for (JsonObject producer : objects(body.get("producerDataSet"))) {
      String group = ConfigJson.string(producer, "groupName", null);
      if (group != null) {
        producers.register(group, clientId, connection);
      }
    }
    return Responses.successNow(request, Map.of());
  }

  private void registerConsumer(String clientId, ClientConnection connection, JsonObject data) {
    String group = ConfigJson.string(data, "groupName", null);
    if (group == null) {
      throw new BadRequestException("consumer data without groupName");
    }
    SubscriptionGroupConfig config = groups.findOrCreate(group);
    MessageModel model =
        MessageModel.valueOf(ConfigJson.string(data, "messageModel", "CLUSTERING"));
    if (config != null && model == MessageModel.CLUSTERING) {
      topics.createRetryTopic(group, Math.max(1, config.retryQueueNums()));
    }
    List<SubscriptionData> subscriptions = new ArrayList<>();
    for (JsonObject sub : objects(data.get("subscriptionDataSet"))) {
      subscriptions.add(subscription(sub));
    }
    consumers.register(
        new ConsumerHeartbeat(
            group,
            clientId,
            connection,
            ConsumeType.fromWireName(ConfigJson.string(data, "consumeType", "CONSUME_PASSIVELY")),
            model,
            ConsumeFromWhere.valueOf(
                ConfigJson.string(data, "consumeFromWhere", "CONSUME_FROM_LAST_OFFSET")),
            subscriptions));
  }

  private static SubscriptionData subscription(JsonObject sub) {
    Set<String> tags = new LinkedHashSet<>();
    for (JsonValue tag : elements(sub.get("tagsSet"))) {
      if (tag instanceof JsonString s) {
        tags.add(s.value());
      }
    }
    Set<Integer> codes = new LinkedHashSet<>();
    for (JsonValue code : elements(sub.get("codeSet"))) {
      if (code instanceof JsonLong n) {
        codes.add((int) n.value());
      }
    }
    return new SubscriptionData(
        ConfigJson.string(sub, "topic", ""),
        ConfigJson.string(sub, "subString", SubscriptionData.SUB_ALL),
        ExpressionType.valueOf(ConfigJson.string(sub, "expressionType", "TAG")),
        tags,
        codes,
        ConfigJson.longValue(sub, "subVersion", 0));
  }

  private static List<JsonObject> objects(JsonValue value) {
    List<JsonObject> result = new ArrayList<>();
    for (JsonValue element : elements(value)) {
      if (element instanceof JsonObject object) {
        result.add(object);
      }
    }
    return result;
  }

  private static List<JsonValue> elements(JsonValue value) {
    return value instanceof JsonArray array ? array.elements() : List.of();
  }
}
