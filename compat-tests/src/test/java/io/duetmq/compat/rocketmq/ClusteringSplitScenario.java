package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.rocketmq.client.producer.DefaultMQProducer;

/**
 * Three CLUSTERING push consumers of one group split the queues of a topic and consume every
 * message exactly once; then a fourth joins and the first leaves while a producer keeps sending:
 * nothing may be lost (duplicates around the rebalances are counted, not forbidden).
 *
 * <p>Params: {@code namesrv}, {@code topic}, {@code queues}, {@code messages}.
 */
public final class ClusteringSplitScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    int queues = Integer.parseInt(params.get("queues"));
    int messages = Integer.parseInt(params.get("messages"));
    String group = RocketMqClients.unique("split");
    Map<String, String> result = new TreeMap<>();
    DefaultMQProducer producer = RocketMqClients.producer(namesrv, queues);
    ConsumerGroupProbe probe = new ConsumerGroupProbe(topic, "s-");
    try {
      // creates the topic with `queues` queues before anyone subscribes
      RocketMqClients.sendOk(producer, RocketMqClients.message(topic, null, null, "warm"));
      for (int i = 0; i < 3; i++) {
        probe.join(RocketMqClients.pushConsumer(namesrv, group, topic, "*"));
      }
      RocketMqClients.awaitUntil(DEADLINE, probe::describeOwnership, () -> probe.settled(queues));
      String split = probe.describeOwnership();
      Set<String> steady = sendNumbered(producer, topic, "s-", messages);
      RocketMqClients.awaitUntil(
          DEADLINE,
          () -> probe.receivedAmong(steady) + " of " + messages,
          () -> probe.receivedAmong(steady) == messages);
      assertThat(probe.duplicatesAmong(steady)).as("duplicates with a stable group").isZero();
      for (int i = 0; i < 3; i++) {
        assertThat(probe.receivedQueues(i))
            .as("consumer %s received only from its own queues; split %s", i, split)
            .isSubsetOf(probe.owned(i));
      }
      result.put("split", split);
      result.put("steadyReceived", Integer.toString(probe.receivedAmong(steady)));
      rebalanceUnderTraffic(producer, topic, namesrv, group, queues, probe, result);
      assertThat(probe.deliveries()).as("the warm-up message").containsKey("warm");
    } finally {
      probe.shutdownAll();
      producer.shutdown();
    }
    return result;
  }

  private static Set<String> sendNumbered(
      DefaultMQProducer producer, String topic, String prefix, int count) throws Exception {
    Set<String> sent = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < count; i++) {
      String body = prefix + i;
      RocketMqClients.sendOk(producer, RocketMqClients.message(topic, null, null, body));
      sent.add(body);
    }
    return sent;
  }

  private static void rebalanceUnderTraffic(
      DefaultMQProducer producer,
      String topic,
      String namesrv,
      String group,
      int queues,
      ConsumerGroupProbe probe,
      Map<String, String> result)
      throws Exception {
    Set<String> sent = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<Void> sender =
        CompletableFuture.runAsync(
            () -> {
              int i = 0;
              // keeps sending through both rebalances, then a tail of 50 more
              for (int tail = 50; tail > 0; i++) {
                String body = "r-" + i;
                try {
                  RocketMqClients.sendOk(
                      producer, RocketMqClients.message(topic, null, null, body));
                } catch (Exception e) {
                  throw new IllegalStateException("send of " + body + " failed", e);
                }
                sent.add(body);
                if (stop.get()) {
                  tail--;
                }
              }
            });
    RocketMqClients.awaitUntil(DEADLINE, () -> sent.size() + " sent", () -> sent.size() >= 20);
    int joined = probe.join(RocketMqClients.pushConsumer(namesrv, group, topic, "*"));
    RocketMqClients.awaitUntil(DEADLINE, probe::describeOwnership, () -> probe.settled(queues));
    result.put("afterJoin", probe.describeOwnership());
    assertThat(probe.owned(joined)).as("the joining consumer's share").isNotEmpty();
    probe.leave(0);
    RocketMqClients.awaitUntil(DEADLINE, probe::describeOwnership, () -> probe.settled(queues));
    result.put("afterLeave", probe.describeOwnership());
    stop.set(true);
    sender.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    RocketMqClients.awaitUntil(
        DEADLINE,
        () -> probe.receivedAmong(sent) + " of " + sent.size(),
        () -> probe.receivedAmong(sent) == sent.size());
    result.put("rebalanceSent", Integer.toString(sent.size()));
    result.put("rebalanceReceived", Integer.toString(probe.receivedAmong(sent)));
    result.put("rebalanceDuplicates", Integer.toString(probe.duplicatesAmong(sent)));
  }
}
