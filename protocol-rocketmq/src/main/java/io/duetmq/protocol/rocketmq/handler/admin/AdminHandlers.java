package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.BrokerEngine;
import io.duetmq.protocol.rocketmq.handler.RequestCode;
import io.duetmq.protocol.rocketmq.handler.SendResults;
import io.duetmq.protocol.rocketmq.handler.TopicAdmission;
import io.duetmq.protocol.rocketmq.server.RemotingServer;
import io.duetmq.store.MessageStore;
import java.time.Clock;

/**
 * Registers the handlers of this package on the broker's remoting server, each with the narrow
 * engine parts it uses. The broker head calls {@link #register} once while it builds the server,
 * before starting it.
 */
public final class AdminHandlers {
  private AdminHandlers() {}

  /**
   * Registers batch send, send-back, message query and admin handlers.
   *
   * @param server the broker's remoting server, not started yet
   * @param engine the engine whose parts the handlers get
   * @param results the send-response builder the single-message send handler uses too
   * @param admission the topic admission the single-message send handler uses too
   */
  public static void register(
      RemotingServer server, BrokerEngine engine, SendResults results, TopicAdmission admission) {
    MessageStore store = engine.store();
    String brokerName = engine.config().brokerName();
    Clock clock = Clock.systemUTC();
    server.registerHandler(
        RequestCode.SEND_BATCH_MESSAGE,
        new SendBatchMessageHandler(
            admission, store, results, engine.config().brokerClusterName()));
    server.registerHandler(
        RequestCode.CONSUMER_SEND_MSG_BACK,
        new ConsumerSendMsgBackHandler(
            engine.groups(),
            store,
            engine.retryPolicy(),
            engine.retryTopics(),
            engine.scheduleRouter(),
            store));
    server.registerHandler(
        RequestCode.QUERY_MESSAGE,
        new QueryMessageHandler(store::queryByKey, store::dispatchedOffset));
    server.registerHandler(RequestCode.VIEW_MESSAGE_BY_ID, new ViewMessageByIdHandler(store));
    server.registerHandler(
        RequestCode.UPDATE_AND_CREATE_TOPIC, new UpdateAndCreateTopicHandler(engine.topics()));
    server.registerHandler(
        RequestCode.DELETE_TOPIC_IN_BROKER,
        new DeleteTopicInBrokerHandler(engine.topics(), engine.offsets()));
    server.registerHandler(
        RequestCode.GET_TOPIC_CONFIG, new GetTopicConfigHandler(engine.topics()));
    server.registerHandler(
        RequestCode.GET_ALL_TOPIC_CONFIG, new GetAllTopicConfigHandler(engine.topics()));
    server.registerHandler(
        RequestCode.GET_TOPIC_STATS_INFO,
        new GetTopicStatsInfoHandler(engine.topics(), store, brokerName));
    server.registerHandler(
        RequestCode.GET_BROKER_RUNTIME_INFO,
        new GetBrokerRuntimeInfoHandler(store, clock, clock.millis()));
    server.registerHandler(
        RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
        new UpdateAndCreateSubscriptionGroupHandler(
            engine.groups(), engine.config().maxReconsumeTimes()));
    server.registerHandler(
        RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG,
        new GetAllSubscriptionGroupConfigHandler(engine.groups()));
    server.registerHandler(
        RequestCode.DELETE_SUBSCRIPTIONGROUP,
        new DeleteSubscriptionGroupHandler(engine.groups(), engine.offsets()));
    server.registerHandler(
        RequestCode.GET_CONSUME_STATS,
        new GetConsumeStatsHandler(
            engine.topics(), engine.offsets(), engine.consumers(), store, brokerName));
    server.registerHandler(
        RequestCode.GET_CONSUMER_CONNECTION_LIST,
        new GetConsumerConnectionListHandler(engine.consumers()));
    server.registerHandler(
        RequestCode.QUERY_TOPIC_CONSUME_BY_WHO,
        new QueryTopicConsumeByWhoHandler(engine.consumers(), engine.offsets()));
    server.registerHandler(
        RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
        new InvokeBrokerToResetOffsetHandler(
            engine.topics(), engine.groups(), engine.offsets(), brokerName));
  }
}
