package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Sends through every DefaultMQProducer mode — sync, async with a callback, oneway, a batch, and a
 * {@link MessageQueueSelector} — and reads everything back with a lite pull consumer: body, tags,
 * keys, user properties, message id and queue id must be what was sent (or what the send result and
 * the selector reported).
 */
public final class ProducerSendModesScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final int PER_MODE = 3;
  private static final int SELECTED_QUEUE = 2;

  /** What one sent message should look like when read back. */
  private record Expected(String tag, String keys, String mode, String msgId, int queueId) {}

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    Map<String, Expected> expected = new ConcurrentHashMap<>();
    DefaultMQProducer producer = RocketMqClients.producer(namesrv, 4);
    try {
      sendSync(producer, topic, expected);
      sendAsync(producer, topic, expected);
      sendOneway(producer, topic, expected);
      sendBatch(producer, topic, expected);
      sendSelected(producer, topic, expected);
    } finally {
      producer.shutdown();
    }
    List<MessageExt> received;
    DefaultLitePullConsumer consumer = RocketMqClients.litePullSubscriber(namesrv, topic);
    try {
      received = RocketMqClients.pollAtLeast(consumer, expected.size(), DEADLINE);
    } finally {
      consumer.shutdown();
    }
    assertThat(received.stream().map(RocketMqClients::body))
        .as("bodies read back from %s", topic)
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    Map<String, String> modes = new TreeMap<>();
    for (MessageExt message : received) {
      String body = RocketMqClients.body(message);
      Expected want = expected.get(body);
      assertThat(message.getTopic()).as("topic of %s", body).isEqualTo(topic);
      assertThat(message.getTags()).as("tags of %s", body).isEqualTo(want.tag());
      assertThat(message.getKeys()).as("keys of %s", body).isEqualTo(want.keys());
      assertThat(message.getUserProperty("mode")).as("mode of %s", body).isEqualTo(want.mode());
      assertThat(message.getUserProperty("body")).as("property of %s", body).isEqualTo(body);
      if (want.msgId() != null) {
        assertThat(message.getMsgId()).as("msgId of %s", body).isEqualTo(want.msgId());
      }
      if (want.queueId() >= 0) {
        assertThat(message.getQueueId()).as("queue of %s", body).isEqualTo(want.queueId());
      }
      modes.merge(want.mode(), "1", (a, b) -> Integer.toString(Integer.parseInt(a) + 1));
    }
    Map<String, String> result = new TreeMap<>(modes);
    result.put("received", Integer.toString(received.size()));
    return result;
  }

  private static Message message(String topic, String mode, int i) {
    String body = mode + "-" + i;
    Message message =
        RocketMqClients.message(topic, "Tag" + mode, "k-" + body + " alt-" + body, body);
    message.putUserProperty("mode", mode);
    message.putUserProperty("body", body);
    return message;
  }

  private static Expected expect(Message message, SendResult result, String mode) {
    return new Expected(
        message.getTags(),
        message.getKeys(),
        mode,
        result == null ? null : result.getMsgId(),
        result == null ? -1 : result.getMessageQueue().getQueueId());
  }

  private static void sendSync(DefaultMQProducer producer, String topic, Map<String, Expected> out)
      throws Exception {
    for (int i = 0; i < PER_MODE; i++) {
      Message message = message(topic, "sync", i);
      SendResult result = RocketMqClients.sendOk(producer, message);
      out.put(RocketMqClients.body(message), expect(message, result, "sync"));
    }
  }

  private static void sendAsync(DefaultMQProducer producer, String topic, Map<String, Expected> out)
      throws Exception {
    CountDownLatch done = new CountDownLatch(PER_MODE);
    List<Throwable> failures = new ArrayList<>();
    for (int i = 0; i < PER_MODE; i++) {
      Message message = message(topic, "async", i);
      producer.send(
          message,
          new SendCallback() {
            @Override
            public void onSuccess(SendResult result) {
              if (result.getSendStatus() == SendStatus.SEND_OK) {
                out.put(RocketMqClients.body(message), expect(message, result, "async"));
              } else {
                record(new AssertionError("async send status " + result));
              }
              done.countDown();
            }

            @Override
            public void onException(Throwable e) {
              record(e);
              done.countDown();
            }

            private void record(Throwable e) {
              synchronized (failures) {
                failures.add(e);
              }
            }
          });
    }
    assertThat(done.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
        .as("async callbacks arrived")
        .isTrue();
    synchronized (failures) {
      assertThat(failures).as("async send failures").isEmpty();
    }
  }

  private static void sendOneway(
      DefaultMQProducer producer, String topic, Map<String, Expected> out) throws Exception {
    for (int i = 0; i < PER_MODE; i++) {
      Message message = message(topic, "oneway", i);
      producer.sendOneway(message);
      out.put(RocketMqClients.body(message), expect(message, null, "oneway"));
    }
  }

  private static void sendBatch(DefaultMQProducer producer, String topic, Map<String, Expected> out)
      throws Exception {
    List<Message> batch = new ArrayList<>();
    for (int i = 0; i < PER_MODE + 1; i++) {
      batch.add(message(topic, "batch", i));
    }
    SendResult result = producer.send(batch);
    assertThat(result.getSendStatus()).as("batch send %s", result).isEqualTo(SendStatus.SEND_OK);
    String[] ids = result.getMsgId().split(",");
    assertThat(ids).as("one id per batched message in %s", result).hasSize(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Message message = batch.get(i);
      out.put(
          RocketMqClients.body(message),
          new Expected(
              message.getTags(),
              message.getKeys(),
              "batch",
              ids[i],
              result.getMessageQueue().getQueueId()));
    }
  }

  private static void sendSelected(
      DefaultMQProducer producer, String topic, Map<String, Expected> out) throws Exception {
    AtomicInteger chosen = new AtomicInteger(-1);
    MessageQueueSelector selector =
        (queues, message, arg) -> {
          var queue = queues.get((Integer) arg % queues.size());
          chosen.set(queue.getQueueId());
          return queue;
        };
    for (int i = 0; i < PER_MODE; i++) {
      Message message = message(topic, "selected", i);
      SendResult result = producer.send(message, selector, SELECTED_QUEUE);
      assertThat(result.getSendStatus())
          .as("selected send %s", result)
          .isEqualTo(SendStatus.SEND_OK);
      assertThat(result.getMessageQueue().getQueueId())
          .as("queue the selector chose")
          .isEqualTo(chosen.get())
          .isEqualTo(SELECTED_QUEUE);
      out.put(RocketMqClients.body(message), expect(message, result, "selected"));
    }
  }
}
