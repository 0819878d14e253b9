package io.duetmq.broker.group;

import java.util.List;
import java.util.Objects;

/**
 * One consumer group entry of a client's heartbeat (RocketMQ's {@code ConsumerData}), decoded by
 * the protocol head.
 *
 * @param group the consumer group
 * @param clientId the client's id, exactly as sent
 * @param connection the connection the heartbeat arrived on
 * @param consumeType pull or push
 * @param messageModel clustering or broadcasting
 * @param consumeFromWhere where the client starts without a committed offset
 * @param subscriptions one per topic (clustering consumers include {@code %RETRY%<group>})
 */
public record ConsumerHeartbeat(
    String group,
    String clientId,
    ClientConnection connection,
    ConsumeType consumeType,
    MessageModel messageModel,
    ConsumeFromWhere consumeFromWhere,
    List<SubscriptionData> subscriptions) {

  public ConsumerHeartbeat {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(consumeType, "consumeType");
    Objects.requireNonNull(messageModel, "messageModel");
    Objects.requireNonNull(consumeFromWhere, "consumeFromWhere");
    subscriptions = List.copyOf(subscriptions == null ? List.of() : subscriptions);
  }
}
