package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Sends {@code messages} messages to {@code topic} through the NameServer at {@code namesrv} and
 * pulls them back with a lite pull consumer of a fresh group. Uses only API that rocketmq-client
 * 4.9 and 5.x share. Not yet run against a broker: the NameServer and RocketMQ head do not exist.
 */
public final class RocketMqRoundTripScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    int messages = Integer.parseInt(params.getOrDefault("messages", "10"));
    String group = "compat_" + UUID.randomUUID().toString().replace("-", "");
    List<String> sent = new ArrayList<>();
    DefaultMQProducer producer = new DefaultMQProducer(group + "_producer");
    producer.setNamesrvAddr(namesrv);
    producer.start();
    try {
      for (int i = 0; i < messages; i++) {
        String body = "body-" + i;
        Message message = new Message(topic, "TagA", body.getBytes(StandardCharsets.UTF_8));
        SendResult result = producer.send(message);
        assertThat(result.getSendStatus())
            .as("send status of " + body)
            .isEqualTo(SendStatus.SEND_OK);
        sent.add(body);
      }
    } finally {
      producer.shutdown();
    }
    List<String> received = new ArrayList<>();
    DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group + "_consumer");
    consumer.setNamesrvAddr(namesrv);
    consumer.subscribe(topic, "*");
    consumer.start();
    try {
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (received.size() < messages && System.nanoTime() < deadline) {
        for (MessageExt message : consumer.poll(200)) {
          received.add(new String(message.getBody(), StandardCharsets.UTF_8));
        }
      }
    } finally {
      consumer.shutdown();
    }
    assertThat(received).as("messages pulled back from " + topic).hasSameElementsAs(sent);
    return Map.of(
        "sent", Integer.toString(sent.size()), "received", Integer.toString(received.size()));
  }
}
