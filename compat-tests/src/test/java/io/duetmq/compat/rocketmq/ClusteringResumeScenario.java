package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.rocketmq.client.producer.DefaultMQProducer;

/**
 * One half of "committed offsets survive a broker restart", run once before and once after the test
 * restarts the broker on the same data directory.
 *
 * <ul>
 *   <li>{@code phase=before}: sends {@code a-0..} and has two consumers of {@code group} consume
 *       them, shuts them down cleanly (which commits their offsets), then sends {@code b-0..} with
 *       no consumer online.
 *   <li>{@code phase=after}: a new consumer of {@code group} starts (from the first offset if the
 *       group had nothing committed), {@code c-0..} is sent; it must receive every {@code b-} and
 *       {@code c-} message exactly once and no {@code a-} message.
 * </ul>
 */
public final class ClusteringResumeScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    String group = params.get("group");
    int messages = Integer.parseInt(params.get("messages"));
    DefaultMQProducer producer = RocketMqClients.producer(namesrv, 4);
    ConsumerGroupProbe probe = new ConsumerGroupProbe(topic, "");
    Map<String, String> result = new TreeMap<>();
    try {
      if (params.get("phase").equals("before")) {
        Set<String> first = send(producer, topic, "a-", messages);
        consumeAll(probe, namesrv, group, topic, first);
        probe.shutdownAll();
        result.put("consumedBefore", Integer.toString(probe.receivedAmong(first)));
        result.put(
            "sentWhileOffline", Integer.toString(send(producer, topic, "b-", messages).size()));
      } else {
        Set<String> expected = new HashSet<>(numbered("b-", messages));
        // One consumer: a second one joining would rebalance queues whose progress the first has
        // not
        // committed yet, and the duplicates that causes (RocketMQ's at-least-once) are not what
        // this
        // phase measures — whether the committed offsets survived the restart.
        probe.join(RocketMqClients.pushConsumer(namesrv, group, topic, "*"));
        expected.addAll(send(producer, topic, "c-", messages));
        RocketMqClients.awaitUntil(
            DEADLINE,
            () -> probe.receivedAmong(expected) + " of " + expected.size(),
            () -> probe.receivedAmong(expected) == expected.size());
        probe.shutdownAll();
        assertThat(probe.deliveries().keySet())
            .as("after the restart: the offline batch and the new one, nothing consumed before")
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(probe.duplicatesAmong(expected)).as("messages consumed twice").isZero();
        result.put("consumedAfter", Integer.toString(probe.receivedAmong(expected)));
      }
    } finally {
      probe.shutdownAll();
      producer.shutdown();
    }
    return result;
  }

  private static Set<String> numbered(String prefix, int count) {
    Set<String> bodies = new HashSet<>();
    for (int i = 0; i < count; i++) {
      bodies.add(prefix + i);
    }
    return bodies;
  }

  private static Set<String> send(DefaultMQProducer producer, String topic, String prefix, int n)
      throws Exception {
    for (String body : numbered(prefix, n)) {
      RocketMqClients.sendOk(producer, RocketMqClients.message(topic, null, null, body));
    }
    return numbered(prefix, n);
  }

  private static void consumeAll(
      ConsumerGroupProbe probe, String namesrv, String group, String topic, Set<String> bodies)
      throws Exception {
    for (int i = 0; i < 2; i++) {
      probe.join(RocketMqClients.pushConsumer(namesrv, group, topic, "*"));
    }
    RocketMqClients.awaitUntil(
        DEADLINE,
        () -> probe.receivedAmong(bodies) + " of " + bodies.size(),
        () -> probe.receivedAmong(bodies) == bodies.size());
  }
}
