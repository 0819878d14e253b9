package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces {@code records} records (key, value, one header, an explicit timestamp) to {@code topic}
 * at {@code bootstrap} with the given {@code acks} and {@code compression} ({@code default} = the
 * client's own defaults, which in 3.x/4.x means idempotent with acks=all), then reads them back
 * with a consumer ASSIGNED to every partition (no group): exact keys, values, headers and
 * timestamps, dense offsets per partition, and seek to beginning, end and timestamp. Uses only API
 * that kafka-clients 2.8 to 4.x share.
 */
public final class KafkaRoundTripScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final long BASE_TIMESTAMP = 1_700_000_000_000L;

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String bootstrap = params.get("bootstrap");
    String topic = params.get("topic");
    int records = Integer.parseInt(params.getOrDefault("records", "10"));
    createTopic(bootstrap, topic, Integer.parseInt(params.getOrDefault("partitions", "3")));
    produce(
        bootstrap,
        topic,
        records,
        params.getOrDefault("acks", "default"),
        params.getOrDefault("compression", "none"));
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(bootstrap))) {
      List<TopicPartition> partitions = partitionsOf(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<String, String>> received = poll(consumer, records);
      check(received, records);
      checkSeeks(consumer, partitions, received);
      return Map.of(
          "received",
          Integer.toString(received.size()),
          "partitions",
          Integer.toString(partitions.size()));
    }
  }

  private static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(props)) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  private static void produce(
      String bootstrap, String topic, int records, String acks, String compression)
      throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", StringSerializer.class.getName());
    if (!acks.equals("default")) {
      props.put("acks", acks);
      props.put("enable.idempotence", "false");
    }
    props.put("compression.type", compression);
    props.put("linger.ms", "5");
    List<Future<RecordMetadata>> pending = new ArrayList<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < records; i++) {
        ProducerRecord<String, String> record =
            new ProducerRecord<>(topic, null, BASE_TIMESTAMP + i, "key-" + i, "value-" + i);
        record.headers().add("seq", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
        pending.add(producer.send(record));
      }
      producer.flush();
      for (Future<RecordMetadata> future : pending) {
        future.get();
      }
    }
  }

  private static List<TopicPartition> partitionsOf(
      KafkaConsumer<String, String> consumer, String topic) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic)) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    partitions.sort(Comparator.comparingInt(TopicPartition::partition));
    return partitions;
  }

  private static List<ConsumerRecord<String, String>> poll(
      KafkaConsumer<String, String> consumer, int records) {
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (received.size() < records && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        received.add(record);
      }
    }
    return received;
  }

  private static void check(List<ConsumerRecord<String, String>> received, int records) {
    assertThat(received).as("records read back").hasSize(records);
    boolean[] seen = new boolean[records];
    Map<Integer, Long> nextOffset = new HashMap<>();
    for (ConsumerRecord<String, String> record : received) {
      int i = Integer.parseInt(record.value().substring("value-".length()));
      assertThat(seen[i]).as("record %d read twice", i).isFalse();
      seen[i] = true;
      assertThat(record.key()).isEqualTo("key-" + i);
      assertThat(record.timestamp()).isEqualTo(BASE_TIMESTAMP + i);
      Header header = record.headers().lastHeader("seq");
      assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo(Integer.toString(i));
      long expected = nextOffset.getOrDefault(record.partition(), 0L);
      assertThat(record.offset())
          .as("dense offsets in partition %d", record.partition())
          .isEqualTo(expected);
      nextOffset.put(record.partition(), expected + 1);
    }
  }

  private static void checkSeeks(
      KafkaConsumer<String, String> consumer,
      List<TopicPartition> partitions,
      List<ConsumerRecord<String, String>> received) {
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    consumer.seekToEnd(partitions);
    for (TopicPartition partition : partitions) {
      assertThat(consumer.position(partition)).isEqualTo(ends.get(partition));
    }
    ConsumerRecord<String, String> middle = received.get(received.size() / 2);
    TopicPartition partition = new TopicPartition(middle.topic(), middle.partition());
    Map<TopicPartition, OffsetAndTimestamp> found =
        consumer.offsetsForTimes(Map.of(partition, middle.timestamp()));
    assertThat(found.get(partition).offset())
        .as("offset for timestamp")
        .isLessThanOrEqualTo(middle.offset());
    assertThat(found.get(partition).timestamp()).isGreaterThanOrEqualTo(middle.timestamp());
    consumer.seek(partition, found.get(partition).offset());
    List<ConsumerRecord<String, String>> again = new ArrayList<>();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (again.isEmpty() && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).records(partition).forEach(again::add);
    }
    assertThat(again).isNotEmpty();
    assertThat(again.get(0).offset()).isEqualTo(found.get(partition).offset());
  }

  private static Properties consumerProps(String bootstrap) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("enable.auto.commit", "false");
    props.put("max.poll.records", "5000");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", StringDeserializer.class.getName());
    return props;
  }
}
