package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;

/**
 * Keeps sending while the test does something to the broker: creates {@code startedFile} after the
 * first successful send, keeps sending until {@code stopFile} exists, sends 10 more, and then reads
 * everything back: every body exactly once, nothing else. The files are the only channel between
 * the test thread and this one (params are fixed at start).
 *
 * <p>Params: {@code namesrv}, {@code topic}, {@code startedFile}, {@code stopFile}.
 */
public final class SteadyProducerScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    Path started = Path.of(params.get("startedFile"));
    Path stop = Path.of(params.get("stopFile"));
    List<String> sent = new ArrayList<>();
    DefaultMQProducer producer = RocketMqClients.producer(namesrv, 4);
    try {
      int after = 0;
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (after < 10) {
        String body = "steady-" + sent.size();
        RocketMqClients.sendOk(producer, RocketMqClients.message(topic, null, null, body));
        sent.add(body);
        if (sent.size() == 1) {
          Files.createFile(started);
        }
        if (Files.exists(stop)) {
          after++;
        } else if (System.nanoTime() > deadline) {
          throw new AssertionError("the test never asked to stop");
        }
      }
    } finally {
      producer.shutdown();
    }
    DefaultLitePullConsumer consumer = RocketMqClients.litePullSubscriber(namesrv, topic);
    List<String> received;
    try {
      received =
          RocketMqClients.pollAtLeast(consumer, sent.size(), DEADLINE).stream()
              .map(RocketMqClients::body)
              .toList();
    } finally {
      consumer.shutdown();
    }
    assertThat(received).as("read back").containsExactlyInAnyOrderElementsOf(sent);
    return Map.of("sent", Integer.toString(sent.size()));
  }
}
