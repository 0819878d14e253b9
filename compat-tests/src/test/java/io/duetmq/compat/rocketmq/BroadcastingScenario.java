package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Two BROADCASTING push consumers of one group each receive every message exactly once. Run it in a
 * forked JVM with {@code -Drocketmq.client.localOffsetStoreDir=<temp dir>}: broadcasting consumers
 * keep their offsets in local files, by default under the user's home.
 *
 * <p>Params: {@code namesrv}, {@code topic}, {@code messages}.
 */
public final class BroadcastingScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    int messages = Integer.parseInt(params.get("messages"));
    String group = RocketMqClients.unique("broadcast");
    List<String> sent = new ArrayList<>();
    DefaultMQProducer producer = RocketMqClients.producer(namesrv, 4);
    List<DefaultMQPushConsumer> consumers = new ArrayList<>();
    List<Queue<MessageExt>> received =
        List.of(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
    try {
      for (int i = 0; i < messages; i++) {
        String body = "bc-" + i;
        RocketMqClients.sendOk(producer, RocketMqClients.message(topic, null, null, body));
        sent.add(body);
      }
      for (Queue<MessageExt> sink : received) {
        DefaultMQPushConsumer consumer = RocketMqClients.pushConsumer(namesrv, group, topic, "*");
        RocketMqClients.setEnum(consumer, "setMessageModel", "BROADCASTING");
        consumer.registerMessageListener(RocketMqClients.collectingInto(sink));
        consumer.start();
        consumers.add(consumer);
      }
      RocketMqClients.awaitUntil(
          DEADLINE,
          () -> received.get(0).size() + " and " + received.get(1).size() + " of " + messages,
          () -> received.stream().allMatch(sink -> sink.size() >= messages));
    } finally {
      consumers.forEach(DefaultMQPushConsumer::shutdown);
      producer.shutdown();
    }
    for (int i = 0; i < received.size(); i++) {
      assertThat(received.get(i).stream().map(RocketMqClients::body))
          .as("what broadcasting consumer %s received", i)
          .containsExactlyInAnyOrderElementsOf(sent);
    }
    return Map.of(
        "first", Integer.toString(received.get(0).size()),
        "second", Integer.toString(received.get(1).size()));
  }
}
