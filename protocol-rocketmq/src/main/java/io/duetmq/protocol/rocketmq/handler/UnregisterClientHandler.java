package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.broker.group.ConsumerGroupRegistry;
import io.duetmq.broker.group.ProducerRegistry;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** UNREGISTER_CLIENT (35): a client shutting down leaves its producer and consumer groups. */
public final class UnregisterClientHandler implements RequestHandler {
  private final ConsumerGroupRegistry consumers;
  private final ProducerRegistry producers;

  public UnregisterClientHandler(ConsumerGroupRegistry consumers, ProducerRegistry producers) {
    this.consumers = consumers;
    this.producers = producers;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    ExtFields header = ExtFields.of(request);
    String clientId = header.string("clientID");
    String consumerGroup = header.string("consumerGroup", null);
    if (consumerGroup != null) {
      consumers.unregister(consumerGroup, clientId);
    }
    String producerGroup = header.string("producerGroup", null);
    if (producerGroup != null) {
      producers.unregister(producerGroup, clientId);
    }
    return Responses.successNow(request, Map.of());
  }
}
