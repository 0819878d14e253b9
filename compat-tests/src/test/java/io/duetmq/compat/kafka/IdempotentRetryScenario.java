package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An idempotent producer (acks=all, {@code request.timeout.ms} 1500) sends {@code first} and then
 * {@code second} to partition 0 of a new 1-partition {@code topic}, each waited for, through {@code
 * bootstrap} (a proxy that loses the first Produce response, so the client retries the same batch
 * with the same sequence). Then an assigned consumer reads the partition from the beginning:
 * exactly one copy of each record, at the offsets the producer was told.
 */
public final class IdempotentRetryScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String bootstrap = params.get("bootstrap");
    String topic = params.get("topic");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    RecordMetadata first;
    RecordMetadata second;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
      first = producer.send(new ProducerRecord<>(topic, 0, "k", "first")).get();
      second = producer.send(new ProducerRecord<>(topic, 0, "k", "second")).get();
    }
    List<ConsumerRecord<String, String>> stored = readAll(bootstrap, new TopicPartition(topic, 0));
    assertThat(stored).extracting(ConsumerRecord::value).containsExactly("first", "second");
    assertThat(stored.get(0).offset()).as("offset of first").isEqualTo(first.offset());
    assertThat(stored.get(1).offset()).as("offset of second").isEqualTo(second.offset());
    return Map.of(
        "firstOffset",
        Long.toString(first.offset()),
        "secondOffset",
        Long.toString(second.offset()),
        "stored",
        Integer.toString(stored.size()));
  }

  private static Properties producerProps(String bootstrap) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", StringSerializer.class.getName());
    props.put("enable.idempotence", "true");
    props.put("acks", "all");
    props.put("linger.ms", "0");
    // Small, so the lost response becomes a timeout and a retry quickly; the delivery timeout
    // leaves room for that retry.
    props.put("request.timeout.ms", "1500");
    props.put("delivery.timeout.ms", "20000");
    props.put("retry.backoff.ms", "50");
    return props;
  }

  private static List<ConsumerRecord<String, String>> readAll(
      String bootstrap, TopicPartition partition) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("enable.auto.commit", "false");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> stored = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).records(partition).forEach(stored::add);
      }
      assertThat(consumer.position(partition)).as("read up to the end offset").isEqualTo(end);
    }
    return stored;
  }
}
