package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * A listener that always answers RECONSUME_LATER (asking for delay level 1, one second) sees the
 * message again through the retry topic — under the original topic name, with {@code
 * reconsumeTimes} 0, 1, …, {@code maxReconsumeTimes} — and then the message lands in {@code
 * %DLQ%<group>}, where a lite pull consumer reads it with body, keys, tags and {@code RETRY_TOPIC}.
 *
 * <p>Params: {@code namesrv}, {@code topic}, {@code maxReconsumeTimes}, {@code deliveries} (how
 * many deliveries to wait for and check: {@code maxReconsumeTimes + 1} to go on to the dead-letter
 * check, fewer to stop after the retries).
 */
public final class RetryDeadLetterScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  /** One delivery as the listener saw it. */
  private record Delivery(
      String topic, int reconsumeTimes, String body, String msgId, long nanoTime) {}

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    int maxReconsume = Integer.parseInt(params.get("maxReconsumeTimes"));
    int expected = Integer.parseInt(params.get("deliveries"));
    boolean deadLetter = expected == maxReconsume + 1;
    String group = RocketMqClients.unique("retry");
    Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    DefaultMQProducer producer = RocketMqClients.producer(namesrv, 1);
    DefaultMQPushConsumer consumer = RocketMqClients.pushConsumer(namesrv, group, topic, "*");
    SendResult sent;
    MessageExt dead = null;
    try {
      sent =
          RocketMqClients.sendOk(
              producer, RocketMqClients.message(topic, "TagR", "rk-1 rk-2", "retry-me"));
      consumer.setMaxReconsumeTimes(maxReconsume);
      consumer.registerMessageListener(
          (MessageListenerConcurrently)
              (messages, context) -> {
                for (MessageExt message : messages) {
                  deliveries.add(
                      new Delivery(
                          message.getTopic(),
                          message.getReconsumeTimes(),
                          RocketMqClients.body(message),
                          message.getMsgId(),
                          System.nanoTime()));
                }
                context.setDelayLevelWhenNextConsume(1);
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
              });
      consumer.start();
      RocketMqClients.awaitUntil(
          DEADLINE, deliveries::toString, () -> deliveries.size() >= expected);
      if (deadLetter) {
        dead = readDeadLetter(namesrv, "%DLQ%" + group);
      }
    } finally {
      consumer.shutdown();
      producer.shutdown();
    }
    assertThat(deliveries.stream().map(Delivery::reconsumeTimes))
        .as("reconsumeTimes of each delivery: %s", deliveries)
        .containsExactlyElementsOf(IntStream.range(0, expected).boxed().toList());
    assertThat(deliveries)
        .as("every delivery shows the original topic, body and id")
        .allSatisfy(
            d -> {
              assertThat(d.topic()).isEqualTo(topic);
              assertThat(d.body()).isEqualTo("retry-me");
              assertThat(d.msgId()).isEqualTo(sent.getMsgId());
            });
    List<Delivery> inOrder = List.copyOf(deliveries);
    String firstRetryMillis =
        Long.toString((inOrder.get(1).nanoTime() - inOrder.get(0).nanoTime()) / 1_000_000);
    if (!deadLetter) {
      return Map.of(
          "deliveries", Integer.toString(deliveries.size()), "firstRetryMillis", firstRetryMillis);
    }
    assertThat(dead.getTopic()).isEqualTo("%DLQ%" + group);
    assertThat(RocketMqClients.body(dead)).as("dead letter body").isEqualTo("retry-me");
    assertThat(dead.getKeys()).as("dead letter keys").isEqualTo("rk-1 rk-2");
    assertThat(dead.getTags()).as("dead letter tags").isEqualTo("TagR");
    assertThat(dead.getProperty("RETRY_TOPIC")).as("dead letter RETRY_TOPIC").isEqualTo(topic);
    return Map.of(
        "deliveries",
        Integer.toString(deliveries.size()),
        "firstRetryMillis",
        firstRetryMillis,
        "deadLetterReconsumeTimes",
        Integer.toString(dead.getReconsumeTimes()));
  }

  private static MessageExt readDeadLetter(String namesrv, String dlq) throws Exception {
    DefaultLitePullConsumer reader = RocketMqClients.litePullSubscriber(namesrv, dlq);
    try {
      List<MessageExt> found = RocketMqClients.pollAtLeast(reader, 1, DEADLINE);
      assertThat(found).as("messages in %s", dlq).hasSize(1);
      return found.get(0);
    } finally {
      reader.shutdown();
    }
  }
}
