package io.duetmq.protocol.rocketmq.handler.admin;

import static org.awaitility.Awaitility.await;

import io.duetmq.broker.BrokerEngine;
import io.duetmq.broker.config.BrokerConfig;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonReader;
import io.duetmq.broker.message.MessageProperties;
import io.duetmq.broker.message.StoredMessage;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.ClientConnections;
import io.duetmq.protocol.rocketmq.handler.HeartbeatHandler;
import io.duetmq.protocol.rocketmq.handler.RequestCode;
import io.duetmq.protocol.rocketmq.handler.SendResults;
import io.duetmq.protocol.rocketmq.handler.TopicAdmission;
import io.duetmq.protocol.rocketmq.server.RemotingClient;
import io.duetmq.protocol.rocketmq.server.RemotingClientConfig;
import io.duetmq.protocol.rocketmq.server.RemotingServer;
import io.duetmq.protocol.rocketmq.server.RemotingServerConfig;
import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendResult;
import io.duetmq.store.MessageStore;
import io.duetmq.store.QueueReadResult;
import io.duetmq.store.StoreConfig;
import io.duetmq.store.StoredRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real store, engine and remoting server with the admin handlers (and heartbeats), plus a
 * connected client.
 */
final class TestBroker implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  final MessageStore store;
  final BrokerEngine engine;
  private final RemotingServer server;
  private final RemotingClient client;

  TestBroker(Path dir) {
    Clock clock = Clock.systemUTC();
    store =
        MessageStore.open(
            StoreConfig.defaults(dir)
                .withCommitLogSegmentSize(1024 * 1024)
                .withSmallDerivedFiles(64, 64, 256)
                .withRetention(72, "04", 99, 99),
            clock);
    engine = BrokerEngine.open(BrokerConfig.defaults(), store, clock);
    server =
        new RemotingServer(new RemotingServerConfig("127.0.0.1", 0, 1, 2, 4 * 1024 * 1024, 120));
    AdminHandlers.register(
        server,
        engine,
        new SendResults(store.config().storeHost()),
        new TopicAdmission(engine.topics()));
    server.registerHandler(
        RequestCode.HEART_BEAT,
        new HeartbeatHandler(
            engine.consumers(),
            engine.producers(),
            engine.groups(),
            engine.topics(),
            new ClientConnections()));
    int port = server.start();
    client = new RemotingClient(RemotingClientConfig.defaults());
    client.connect("127.0.0.1", port);
  }

  RemotingCommand send(int code, Map<String, String> header, byte[] body)
      throws InterruptedException {
    return client.invokeSync(RemotingCommand.request(code, header, body), TIMEOUT);
  }

  RemotingCommand send(int code, Map<String, String> header) throws InterruptedException {
    return send(code, header, null);
  }

  /**
   * Appends one message directly to the store and waits until its queue entry and index are
   * dispatched.
   */
  AppendResult append(
      String topic, int queueId, String body, Map<String, String> properties, int reconsumeTimes) {
    AppendRequest request =
        AppendRequest.builder(
                topic, queueId, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
            .properties(MessageProperties.format(properties))
            .bornTimestamp(System.currentTimeMillis())
            .reconsumeTimes(reconsumeTimes)
            .build();
    AppendResult result = store.append(request).join();
    awaitDispatched();
    return result;
  }

  void awaitDispatched() {
    long end = store.commitLogMaxOffset();
    await().atMost(TIMEOUT).until(() -> store.dispatchedOffset() >= end);
  }

  /** Every message of a queue, waiting until it holds {@code count}. */
  List<StoredMessage> messages(String topic, int queueId, int count) {
    await().atMost(TIMEOUT).until(() -> store.maxOffset(topic, queueId) >= count);
    QueueReadResult read = store.read(topic, queueId, 0, 1024 * 1024, 100, null);
    List<StoredMessage> messages = new ArrayList<>();
    for (StoredRecord record : read.records()) {
      messages.add(StoredMessage.decode(record));
    }
    return messages;
  }

  static JsonObject json(RemotingCommand response) {
    return (JsonObject) JsonReader.parse(new String(response.body(), StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    client.close();
    server.close();
    engine.close();
    store.close();
  }
}
