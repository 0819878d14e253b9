package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Client set-up and waiting shared by the RocketMQ scenarios; runs inside a scenario's isolated
 * loader (it references the client library), never in the test JVM's own loader.
 *
 * <p>Every client gets its own instance name: 4.9.8 derives the default one from the pid only, and
 * two clients of one group in one JVM would otherwise share a client instance and collide.
 */
final class RocketMqClients {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private RocketMqClients() {}

  /** A name unique to this run, e.g. for groups: {@code prefix_<32 hex>}. */
  static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
  }

  /** A started producer of a fresh group; topics it creates get {@code queues} queues. */
  static DefaultMQProducer producer(String namesrv, int queues) throws MQClientException {
    DefaultMQProducer producer = new DefaultMQProducer(unique("producer"));
    producer.setNamesrvAddr(namesrv);
    producer.setInstanceName(unique("p"));
    producer.setDefaultTopicQueueNums(queues);
    producer.start();
    return producer;
  }

  /** Sends {@code message} synchronously and insists on SEND_OK. */
  static SendResult sendOk(DefaultMQProducer producer, Message message) throws Exception {
    SendResult result = producer.send(message);
    assertThat(result.getSendStatus())
        .as("send status of %s", result)
        .isEqualTo(SendStatus.SEND_OK);
    return result;
  }

  /** A text message with tag (may be null) and keys (may be null). */
  static Message message(String topic, String tag, String keys, String body) {
    Message message = new Message(topic, body.getBytes(StandardCharsets.UTF_8));
    if (tag != null) {
      message.setTags(tag);
    }
    if (keys != null) {
      message.setKeys(keys);
    }
    return message;
  }

  static String body(Message message) {
    return new String(message.getBody(), StandardCharsets.UTF_8);
  }

  /**
   * A push consumer of {@code group}, not yet started, reading {@code topic} with {@code
   * expression} from the first offset for new groups.
   */
  static DefaultMQPushConsumer pushConsumer(
      String namesrv, String group, String topic, String expression) throws MQClientException {
    DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
    consumer.setNamesrvAddr(namesrv);
    consumer.setInstanceName(unique("c"));
    consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    consumer.subscribe(topic, expression);
    return consumer;
  }

  /** A listener that collects every delivered message and acknowledges it. */
  static MessageListenerConcurrently collectingInto(Collection<MessageExt> sink) {
    return (messages, context) -> {
      sink.addAll(messages);
      return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    };
  }

  /** A started lite pull consumer of a fresh group subscribed to {@code topic} from offset 0. */
  static DefaultLitePullConsumer litePullSubscriber(String namesrv, String topic)
      throws MQClientException {
    DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(unique("lite"));
    consumer.setNamesrvAddr(namesrv);
    consumer.setInstanceName(unique("l"));
    consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    consumer.subscribe(topic, "*");
    consumer.start();
    return consumer;
  }

  /** Polls {@code consumer} until {@code count} messages arrived or {@code within} passed. */
  static List<MessageExt> pollAtLeast(
      DefaultLitePullConsumer consumer, int count, Duration within) {
    ConcurrentLinkedQueue<MessageExt> received = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + within.toNanos();
    while (received.size() < count && System.nanoTime() < deadline) {
      received.addAll(consumer.poll(200));
    }
    return List.copyOf(received);
  }

  /**
   * Waits (checking every 20 ms) until {@code condition} holds, and fails with {@code state}'s
   * description when it still does not after {@code within}.
   */
  static void awaitUntil(Duration within, Supplier<String> state, BooleanSupplier condition) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + within + ": " + state.get());
      }
      LockSupport.parkNanos(POLL_NANOS);
      if (Thread.interrupted()) {
        throw new AssertionError("interrupted while waiting: " + state.get());
      }
    }
  }

  /**
   * Calls a one-argument enum setter by name, e.g. {@code setMessageModel(BROADCASTING)}: some
   * enums moved package between 4.9 ({@code common.protocol}) and 5.x ({@code remoting.protocol}),
   * so scenarios compiled against 5.x cannot name them.
   */
  static void setEnum(Object target, String setter, String constant)
      throws ReflectiveOperationException {
    for (Method method : target.getClass().getMethods()) {
      if (method.getName().equals(setter)
          && method.getParameterCount() == 1
          && method.getParameterTypes()[0].isEnum()) {
        Class<?> type = method.getParameterTypes()[0];
        for (Object value : type.getEnumConstants()) {
          if (((Enum<?>) value).name().equals(constant)) {
            method.invoke(target, value);
            return;
          }
        }
        throw new IllegalArgumentException(type.getName() + " has no constant " + constant);
      }
    }
    throw new IllegalArgumentException(target.getClass().getName() + " has no enum " + setter);
  }
}
