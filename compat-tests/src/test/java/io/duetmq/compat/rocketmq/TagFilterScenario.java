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
 * A push consumer subscribed with {@code TagA || TagB} receives exactly the TagA and TagB messages,
 * each once, and none tagged TagC or untagged (all sent before it starts).
 *
 * <p>Params: {@code namesrv}, {@code topic}, {@code messages} (per tag).
 */
public final class TagFilterScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    int messages = Integer.parseInt(params.get("messages"));
    List<String> wanted = new ArrayList<>();
    DefaultMQProducer producer = RocketMqClients.producer(namesrv, 4);
    try {
      for (int i = 0; i < messages; i++) {
        for (String tag : new String[] {"TagA", "TagB", "TagC", null}) {
          String body = tag + "-" + i;
          RocketMqClients.sendOk(producer, RocketMqClients.message(topic, tag, null, body));
          if ("TagA".equals(tag) || "TagB".equals(tag)) {
            wanted.add(body);
          }
        }
      }
    } finally {
      producer.shutdown();
    }
    Queue<MessageExt> received = new ConcurrentLinkedQueue<>();
    DefaultMQPushConsumer consumer =
        RocketMqClients.pushConsumer(
            namesrv, RocketMqClients.unique("tags"), topic, "TagA || TagB");
    consumer.registerMessageListener(RocketMqClients.collectingInto(received));
    consumer.start();
    try {
      RocketMqClients.awaitUntil(
          DEADLINE,
          () -> received.size() + " of " + wanted.size(),
          () -> received.size() >= wanted.size());
    } finally {
      consumer.shutdown();
    }
    assertThat(received.stream().map(RocketMqClients::body))
        .as("what 'TagA || TagB' received")
        .containsExactlyInAnyOrderElementsOf(wanted);
    assertThat(received).allSatisfy(m -> assertThat(m.getTags()).isIn("TagA", "TagB"));
    return Map.of("received", Integer.toString(received.size()));
  }
}
