package io.duetmq.protocol.rocketmq.head;

import io.duetmq.broker.BrokerEngine;
import io.duetmq.broker.group.ClientConnection;
import io.duetmq.protocol.rocketmq.handler.ClientConnections;
import io.duetmq.protocol.rocketmq.handler.GetConsumerListByGroupHandler;
import io.duetmq.protocol.rocketmq.handler.GetEarliestMsgStoreTimeHandler;
import io.duetmq.protocol.rocketmq.handler.GetMaxOffsetHandler;
import io.duetmq.protocol.rocketmq.handler.GetMinOffsetHandler;
import io.duetmq.protocol.rocketmq.handler.HeartbeatHandler;
import io.duetmq.protocol.rocketmq.handler.PullMessageHandler;
import io.duetmq.protocol.rocketmq.handler.QueryConsumerOffsetHandler;
import io.duetmq.protocol.rocketmq.handler.RequestCode;
import io.duetmq.protocol.rocketmq.handler.SearchOffsetByTimestampHandler;
import io.duetmq.protocol.rocketmq.handler.SendMessageHandler;
import io.duetmq.protocol.rocketmq.handler.SendResults;
import io.duetmq.protocol.rocketmq.handler.TopicAdmission;
import io.duetmq.protocol.rocketmq.handler.UnregisterClientHandler;
import io.duetmq.protocol.rocketmq.handler.UpdateConsumerOffsetHandler;
import io.duetmq.protocol.rocketmq.handler.admin.AdminHandlers;
import io.duetmq.protocol.rocketmq.server.RemotingServer;
import io.duetmq.protocol.rocketmq.server.RemotingServerConfig;
import io.duetmq.store.MessageStore;
import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * The broker's RocketMQ head: a remoting server whose handlers, one per request code, each get the
 * narrow engine parts they use. Connection closes are reported to the registries and the long-poll
 * service.
 */
public final class RocketMqBrokerHead implements AutoCloseable {
  /**
   * RocketMQ's "hot" window for a new group's first offset: messages in the newest 4 GiB of the
   * log.
   */
  private static final long HOT_WINDOW_BYTES = 4L << 30;

  private final RemotingServer server;
  private final ClientConnections connections = new ClientConnections();

  public RocketMqBrokerHead(BrokerEngine engine, RemotingServerConfig serverConfig, Clock clock) {
    this.server = new RemotingServer(serverConfig);
    MessageStore store = engine.store();
    InetSocketAddress storeHost = store.config().storeHost();
    SendMessageHandler send =
        new SendMessageHandler(
            new TopicAdmission(engine.topics()),
            engine.scheduleRouter(),
            store,
            new SendResults(storeHost),
            engine.config().brokerClusterName(),
            engine.retryPolicy(),
            engine.retryTopics());
    server.registerHandler(RequestCode.SEND_MESSAGE, send);
    server.registerHandler(RequestCode.SEND_MESSAGE_V2, send);
    PullMessageHandler pull =
        new PullMessageHandler(
            engine.topics(),
            engine.groups(),
            engine.consumers(),
            engine.offsets(),
            store,
            engine.longPolls(),
            clock);
    server.registerHandler(RequestCode.PULL_MESSAGE, pull);
    server.registerHandler(RequestCode.LITE_PULL_MESSAGE, pull);
    server.registerHandler(
        RequestCode.HEART_BEAT,
        new HeartbeatHandler(
            engine.consumers(), engine.producers(), engine.groups(), engine.topics(), connections));
    server.registerHandler(
        RequestCode.UNREGISTER_CLIENT,
        new UnregisterClientHandler(engine.consumers(), engine.producers()));
    server.registerHandler(
        RequestCode.GET_CONSUMER_LIST_BY_GROUP,
        new GetConsumerListByGroupHandler(engine.consumers()));
    server.registerHandler(
        RequestCode.QUERY_CONSUMER_OFFSET,
        new QueryConsumerOffsetHandler(
            engine.offsets(), store, store::commitLogMaxOffset, HOT_WINDOW_BYTES));
    server.registerHandler(
        RequestCode.UPDATE_CONSUMER_OFFSET, new UpdateConsumerOffsetHandler(engine.offsets()));
    server.registerHandler(RequestCode.GET_MAX_OFFSET, new GetMaxOffsetHandler(store));
    server.registerHandler(RequestCode.GET_MIN_OFFSET, new GetMinOffsetHandler(store));
    server.registerHandler(
        RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, new SearchOffsetByTimestampHandler(store));
    server.registerHandler(
        RequestCode.GET_EARLIEST_MSG_STORETIME, new GetEarliestMsgStoreTimeHandler(store));
    AdminHandlers.register(
        server, engine, new SendResults(storeHost), new TopicAdmission(engine.topics()));
    server.addCloseListener(
        channel -> {
          engine.longPolls().cancelOwner(channel.id());
          ClientConnection connection = connections.remove(channel);
          if (connection != null) {
            engine.consumers().onConnectionClosed(connection);
            engine.producers().onConnectionClosed(connection);
          }
        });
  }

  /** Starts listening; returns the bound port. */
  public int start() {
    return server.start();
  }

  /** Registers a handler for a request code (admin and feature handlers added by other parts). */
  public RemotingServer server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
