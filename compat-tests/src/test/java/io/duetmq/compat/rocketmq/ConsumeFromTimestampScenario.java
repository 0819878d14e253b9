package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Starting from a point in time: a first batch ({@code old-n}) is sent, the scenario waits for the
 * next wall-clock second, takes it as the timestamp, and sends a second batch ({@code new-n}).
 *
 * <ul>
 *   <li>{@code mode=litePull}: an assign-mode lite pull consumer seeks every queue to {@code
 *       offsetForTimestamp} (SEARCH_OFFSET_BY_TIMESTAMP) and must read exactly the second batch.
 *   <li>{@code mode=push}: a push consumer of a new group with CONSUME_FROM_TIMESTAMP ({@code
 *       yyyyMMddHHmmss}). RocketMQ answers QUERY_CONSUMER_OFFSET of an unknown group with offset 0
 *       while a queue's first message is still in memory (reference §3.9), so on a young topic the
 *       timestamp is never consulted and the consumer gets both batches; it must get every message
 *       of the second batch, and the result reports how many old ones came too.
 * </ul>
 *
 * <p>Params: {@code namesrv}, {@code topic}, {@code messages} (per batch), {@code mode}.
 */
public final class ConsumeFromTimestampScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    int messages = Integer.parseInt(params.get("messages"));
    List<String> second = new ArrayList<>();
    String timestamp;
    long timestampMillis;
    DefaultMQProducer producer = RocketMqClients.producer(namesrv, 4);
    try {
      for (int i = 0; i < messages; i++) {
        RocketMqClients.sendOk(producer, RocketMqClients.message(topic, null, null, "old-" + i));
      }
      long lastOldSecond = System.currentTimeMillis() / 1000;
      RocketMqClients.awaitUntil(
          Duration.ofSeconds(3),
          () -> "the next second",
          () -> System.currentTimeMillis() / 1000 > lastOldSecond);
      Date now = new Date();
      timestamp = new SimpleDateFormat("yyyyMMddHHmmss").format(now);
      timestampMillis = now.getTime() / 1000 * 1000;
      for (int i = 0; i < messages; i++) {
        RocketMqClients.sendOk(producer, RocketMqClients.message(topic, null, null, "new-" + i));
        second.add("new-" + i);
      }
    } finally {
      producer.shutdown();
    }
    if (params.get("mode").equals("litePull")) {
      List<String> read = readFrom(namesrv, topic, timestampMillis, messages);
      assertThat(read).as("read from %s", timestamp).containsExactlyInAnyOrderElementsOf(second);
      return Map.of("received", Integer.toString(read.size()), "old", "0");
    }
    Queue<MessageExt> received = new ConcurrentLinkedQueue<>();
    DefaultMQPushConsumer consumer =
        RocketMqClients.pushConsumer(namesrv, RocketMqClients.unique("ts"), topic, "*");
    consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP);
    consumer.setConsumeTimestamp(timestamp);
    consumer.registerMessageListener(RocketMqClients.collectingInto(received));
    consumer.start();
    try {
      RocketMqClients.awaitUntil(
          DEADLINE,
          () -> received.size() + " received",
          () -> received.stream().map(RocketMqClients::body).toList().containsAll(second));
    } finally {
      consumer.shutdown();
    }
    List<String> bodies = received.stream().map(RocketMqClients::body).toList();
    assertThat(bodies)
        .as("consumed from %s", timestamp)
        .containsAll(second)
        .doesNotHaveDuplicates();
    long old = bodies.stream().filter(b -> b.startsWith("old-")).count();
    return Map.of(
        "received", Integer.toString(bodies.size() - (int) old), "old", Long.toString(old));
  }

  private static List<String> readFrom(String namesrv, String topic, long millis, int expected)
      throws Exception {
    DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(RocketMqClients.unique("tsl"));
    consumer.setNamesrvAddr(namesrv);
    consumer.setInstanceName(RocketMqClients.unique("t"));
    consumer.setAutoCommit(false);
    consumer.start();
    try {
      List<MessageQueue> queues = new ArrayList<>(consumer.fetchMessageQueues(topic));
      consumer.assign(queues);
      for (MessageQueue queue : queues) {
        consumer.seek(queue, consumer.offsetForTimestamp(queue, millis));
      }
      return RocketMqClients.pollAtLeast(consumer, expected, DEADLINE).stream()
          .map(RocketMqClients::body)
          .toList();
    } finally {
      consumer.shutdown();
    }
  }
}
