package io.duetmq.broker.group;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of one live consumer group (GET_CONSUMER_CONNECTION_LIST, consumerProgress).
 *
 * @param group the group
 * @param consumeType from the latest heartbeat
 * @param messageModel from the latest heartbeat
 * @param consumeFromWhere from the latest heartbeat
 * @param subscriptions topic to subscription, ordered by topic
 * @param clients the registered clients, ordered by client id
 */
public record ConsumerGroupInfo(
    String group,
    ConsumeType consumeType,
    MessageModel messageModel,
    ConsumeFromWhere consumeFromWhere,
    Map<String, SubscriptionData> subscriptions,
    List<ClientInfo> clients) {}
