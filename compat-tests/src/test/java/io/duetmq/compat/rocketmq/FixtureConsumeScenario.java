package io.duetmq.compat.rocketmq;

import io.duetmq.compat.harness.Scenario;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * A push consumer of a new group reads every message of FixtureTopic and FixtureKeys from a store
 * that Apache RocketMQ 5.3.3 wrote, from the first offset. Returns, per {@code
 * topic/queueId/queueOffset}, a {@link #describe description} of what the application got; the test
 * compares it with the manifest. Properties that the client itself adds on receipt are left out and
 * listed under {@code clientAdded}.
 *
 * <p>Params: {@code namesrv}, {@code messages} (how many to wait for).
 */
public final class FixtureConsumeScenario implements Scenario {
  /** Separates the fields of a description. */
  static final String SEPARATOR = "\u001f";

  /** Separates the {@code key=value} properties in a description. */
  static final String PROPERTY_SEPARATOR = "\u001e";

  /** Set by the consuming client, not stored by the producer. */
  private static final Set<String> CLIENT_ADDED =
      Set.of("MIN_OFFSET", "MAX_OFFSET", "CONSUME_START_TIME");

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    int messages = Integer.parseInt(params.get("messages"));
    Map<String, String> seen = new ConcurrentHashMap<>();
    AtomicInteger deliveries = new AtomicInteger();
    Set<String> clientAdded = ConcurrentHashMap.newKeySet();
    DefaultMQPushConsumer consumer =
        RocketMqClients.pushConsumer(
            namesrv, RocketMqClients.unique("fixture"), "FixtureTopic", "*");
    consumer.subscribe("FixtureKeys", "*");
    consumer.registerMessageListener(
        (MessageListenerConcurrently)
            (batch, context) -> {
              for (MessageExt message : batch) {
                seen.put(
                    message.getTopic()
                        + "/"
                        + message.getQueueId()
                        + "/"
                        + message.getQueueOffset(),
                    describe(message, clientAdded));
                deliveries.incrementAndGet();
              }
              return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
    consumer.start();
    try {
      RocketMqClients.awaitUntil(
          DEADLINE, () -> seen.size() + " of " + messages, () -> seen.size() >= messages);
    } finally {
      consumer.shutdown();
    }
    Map<String, String> result = new TreeMap<>(seen);
    result.put("deliveries", Integer.toString(deliveries.get()));
    result.put("clientAdded", String.join(",", new TreeSet<>(clientAdded)));
    return result;
  }

  /** {@code sha256(body) SEP keys SEP tags SEP k=v PSEP k=v…} (sorted; null as "null"). */
  static String describe(MessageExt message, Set<String> clientAdded) {
    Map<String, String> properties = new TreeMap<>(message.getProperties());
    for (String key : CLIENT_ADDED) {
      if (properties.remove(key) != null) {
        clientAdded.add(key);
      }
    }
    return sha256(message.getBody())
        + SEPARATOR
        + message.getKeys()
        + SEPARATOR
        + message.getTags()
        + SEPARATOR
        + String.join(
            PROPERTY_SEPARATOR,
            properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256", e);
    }
  }
}
