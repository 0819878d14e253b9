package io.duetmq.compat.kafka;

import io.duetmq.compat.harness.Scenario;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces up to {@code records} records with acks=all, record i to partition i % {@code
 * partitions} with value {@code <prefix>-<i>}, and writes every ACKNOWLEDGED record to {@code
 * ackFile} as a line {@code partition offset value} (flushed every 1,000 lines, so a test can watch
 * progress). Stops sending at the first failed send (e.g. the broker was killed), waits for what is
 * in flight, and returns {@code sent}, {@code acked}, {@code failed} and per partition {@code
 * first.<p>} / {@code last.<p>} acknowledged offsets. {@code create=true} creates the topic first.
 */
public final class AckedProduceScenario implements Scenario {
  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String bootstrap = params.get("bootstrap");
    String topic = params.get("topic");
    int partitions = Integer.parseInt(params.get("partitions"));
    int records = Integer.parseInt(params.get("records"));
    String prefix = params.getOrDefault("prefix", "v");
    if (Boolean.parseBoolean(params.getOrDefault("create", "true"))) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
      }
    }
    AtomicBoolean failed = new AtomicBoolean();
    AtomicInteger acked = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    Map<Integer, long[]> range = new TreeMap<>();
    int sent = 0;
    try (BufferedWriter acks =
            Files.newBufferedWriter(Path.of(params.get("ackFile")), StandardCharsets.UTF_8);
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
      for (int i = 0; i < records && !failed.get(); i++) {
        String value = prefix + "-" + i;
        try {
          producer.send(
              new ProducerRecord<>(topic, i % partitions, null, value),
              (metadata, error) -> {
                if (error != null) {
                  failures.incrementAndGet();
                  failed.set(true);
                  return;
                }
                synchronized (acks) {
                  write(acks, metadata.partition() + " " + metadata.offset() + " " + value);
                  long[] firstLast =
                      range.computeIfAbsent(metadata.partition(), p -> new long[] {-1, -1});
                  if (firstLast[0] < 0) {
                    firstLast[0] = metadata.offset();
                  }
                  firstLast[1] = metadata.offset();
                  if (acked.incrementAndGet() % 1_000 == 0) {
                    flush(acks);
                  }
                }
              });
          sent++;
        } catch (RuntimeException e) {
          failures.incrementAndGet(); // the buffer stayed full or metadata was gone too long
          break;
        }
      }
      producer.flush();
    }
    Map<String, String> result = new TreeMap<>();
    result.put("sent", Integer.toString(sent));
    result.put("acked", Integer.toString(acked.get()));
    result.put("failed", Integer.toString(failures.get()));
    range.forEach(
        (p, firstLast) -> {
          result.put("first." + p, Long.toString(firstLast[0]));
          result.put("last." + p, Long.toString(firstLast[1]));
        });
    return result;
  }

  private static Properties producerProps(String bootstrap) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", StringSerializer.class.getName());
    props.put("acks", "all");
    props.put("linger.ms", "2");
    // A killed broker must end the run in seconds, not in the default two minutes.
    props.put("request.timeout.ms", "2000");
    props.put("delivery.timeout.ms", "4000");
    props.put("max.block.ms", "4000");
    props.put("reconnect.backoff.max.ms", "200");
    return props;
  }

  private static void write(BufferedWriter out, String line) {
    try {
      out.write(line);
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void flush(BufferedWriter out) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
