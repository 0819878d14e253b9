package io.duetmq.compat.rocketmq;

import io.duetmq.compat.harness.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;

/**
 * Measures (does not judge): {@code threads} threads sync-send 1 KiB messages through one producer
 * until {@code messages} are sent or {@code seconds} pass, recording each send's latency; then one
 * push consumer of a new group consumes them all from the first offset. Returns throughput and
 * latency percentiles.
 *
 * <p>Params: {@code namesrv}, {@code topic}, {@code threads}, {@code messages}, {@code seconds}.
 */
public final class SendConsumeThroughputScenario implements Scenario {
  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    int threads = Integer.parseInt(params.get("threads"));
    int messages = Integer.parseInt(params.get("messages"));
    long limitNanos = Duration.ofSeconds(Long.parseLong(params.get("seconds"))).toNanos();
    byte[] body = new byte[1024];
    Arrays.fill(body, (byte) 'x');
    Map<String, String> result = new TreeMap<>();
    DefaultMQProducer producer = RocketMqClients.producer(namesrv, 8);
    int sent;
    try {
      RocketMqClients.sendOk(producer, new Message(topic, body)); // creates the topic
      AtomicInteger tickets = new AtomicInteger(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<long[]>> workers = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  long[] latencies = new long[messages];
                  int n = 0;
                  while (tickets.getAndIncrement() < messages
                      && System.nanoTime() - start < limitNanos) {
                    long before = System.nanoTime();
                    RocketMqClients.sendOk(producer, new Message(topic, body));
                    latencies[n++] = System.nanoTime() - before;
                  }
                  return Arrays.copyOf(latencies, n);
                }));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> worker : workers) {
        all.add(worker.get());
      }
      long elapsed = System.nanoTime() - start;
      pool.shutdown();
      long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      sent = latencies.length + 1;
      result.put("sent", Integer.toString(sent));
      result.put("sendSeconds", String.format("%.2f", elapsed / 1e9));
      result.put("sendPerSecond", String.format("%.0f", latencies.length / (elapsed / 1e9)));
      result.put("sendP50Millis", millis(latencies, 0.50));
      result.put("sendP99Millis", millis(latencies, 0.99));
      result.put("sendP999Millis", millis(latencies, 0.999));
      result.put("sendMaxMillis", millis(latencies, 1.0));
    } finally {
      producer.shutdown();
    }
    consume(namesrv, topic, sent, result);
    return result;
  }

  private static void consume(String namesrv, String topic, int expected, Map<String, String> out)
      throws Exception {
    AtomicInteger received = new AtomicInteger();
    DefaultMQPushConsumer consumer =
        RocketMqClients.pushConsumer(namesrv, RocketMqClients.unique("perf"), topic, "*");
    consumer.setConsumeMessageBatchMaxSize(32);
    consumer.registerMessageListener(
        (MessageListenerConcurrently)
            (batch, context) -> {
              received.addAndGet(batch.size());
              return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
    long start = System.nanoTime();
    consumer.start();
    try {
      RocketMqClients.awaitUntil(
          Duration.ofSeconds(120),
          () -> received.get() + " of " + expected,
          () -> received.get() >= expected);
    } finally {
      consumer.shutdown();
    }
    long elapsed = System.nanoTime() - start;
    out.put("consumed", Integer.toString(received.get()));
    out.put("consumeSeconds", String.format("%.2f", elapsed / 1e9));
    out.put("consumePerSecond", String.format("%.0f", received.get() / (elapsed / 1e9)));
  }

  private static String millis(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return "n/a";
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return String.format("%.2f", sorted[Math.max(0, index)] / 1e6);
  }
}
