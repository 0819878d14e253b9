package io.duetmq.protocol.kafka.head;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real kafka-clients 4.1 producers and consumers against the head on a real store. */
class KafkaHeadProduceConsumeTest {
  private static final String TOPIC = "orders";
  private static final int PARTITIONS = 3;

  @TempDir Path dir;

  record Sent(
      int partition, byte[] key, byte[] value, long timestamp, Header[] headers, long offset) {}

  @Test
  void shouldRoundTripTenThousandRecordsWithTheDefaultIdempotentProducer() throws Exception {
    try (HeadFixture fixture = new HeadFixture(dir)) {
      fixture.catalog.create(TOPIC, PARTITIONS, Map.of());
      List<Sent> sent = produce(fixture, fixture.producerProps(), 10_000);
      assertThat(sent).allSatisfy(s -> assertThat(s.offset()).isNotNegative());
      consumeAndCompare(fixture, sent);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1"})
  void shouldRoundTripRecordsWithAcksZeroAndOne(String acks) throws Exception {
    try (HeadFixture fixture = new HeadFixture(dir)) {
      fixture.catalog.create(TOPIC, PARTITIONS, Map.of());
      Properties props = fixture.producerProps();
      props.put(ProducerConfig.ACKS_CONFIG, acks);
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
      List<Sent> sent = produce(fixture, props, 3_000);
      consumeAndCompare(fixture, sent);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
  void shouldRoundTripCompressedBatches(String compression) throws Exception {
    try (HeadFixture fixture = new HeadFixture(dir)) {
      fixture.catalog.create(TOPIC, PARTITIONS, Map.of());
      Properties props = fixture.producerProps();
      props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
      List<Sent> sent = produce(fixture, props, 2_000);
      consumeAndCompare(fixture, sent);
    }
  }

  @Test
  void shouldSeekToEndAndToTimestamps() throws Exception {
    try (HeadFixture fixture = new HeadFixture(dir)) {
      fixture.catalog.create(TOPIC, PARTITIONS, Map.of());
      List<Sent> sent = produce(fixture, fixture.producerProps(), 600);
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(fixture.consumerProps())) {
        List<TopicPartition> tps = partitions();
        consumer.assign(tps);
        consumer.seekToEnd(tps);
        for (TopicPartition tp : tps) {
          assertThat(consumer.position(tp)).isEqualTo(200);
        }
        assertThat(consumer.poll(Duration.ofMillis(200))).isEmpty();

        Sent target = sent.get(301); // partition 1, the 101st record there
        Map<TopicPartition, Long> query = new HashMap<>();
        tps.forEach(tp -> query.put(tp, target.timestamp()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        TopicPartition p1 = new TopicPartition(TOPIC, 1);
        assertThat(found.get(p1).offset()).isEqualTo(target.offset());
        assertThat(found.get(p1).timestamp()).isEqualTo(target.timestamp());

        Map<TopicPartition, Long> future = new HashMap<>();
        tps.forEach(tp -> future.put(tp, System.currentTimeMillis() + 600_000));
        assertThat(consumer.offsetsForTimes(future).values()).containsOnlyNulls();

        consumer.seek(p1, found.get(p1).offset());
        List<ConsumerRecord<byte[], byte[]>> records =
            consumer.poll(Duration.ofSeconds(10)).records(p1);
        assertThat(records).isNotEmpty();
        assertThat(records.get(0).value()).isEqualTo(target.value());
      }
    }
  }

  static List<TopicPartition> partitions() {
    List<TopicPartition> tps = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      tps.add(new TopicPartition(TOPIC, p));
    }
    return tps;
  }

  /** Sends {@code count} records round-robin over the partitions; timestamps increase. */
  static List<Sent> produce(HeadFixture fixture, Properties props, int count) throws Exception {
    long base = System.currentTimeMillis() - 10 * count;
    List<Future<RecordMetadata>> futures = new ArrayList<>();
    List<Sent> sent = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < count; i++) {
        int partition = i % PARTITIONS;
        byte[] key = ("key-" + i).getBytes(StandardCharsets.UTF_8);
        byte[] value = ("value-" + i + "-" + "v".repeat(i % 50)).getBytes(StandardCharsets.UTF_8);
        Header[] headers = {
          new RecordHeader("h", ("hv" + i).getBytes(StandardCharsets.UTF_8)),
          new RecordHeader("n", null)
        };
        long timestamp = base + 10L * i;
        futures.add(
            producer.send(
                new ProducerRecord<>(
                    TOPIC, partition, timestamp, key, value, Arrays.asList(headers))));
        sent.add(new Sent(partition, key, value, timestamp, headers, -1));
      }
      producer.flush();
      for (int i = 0; i < count; i++) {
        RecordMetadata md = futures.get(i).get(30, TimeUnit.SECONDS);
        Sent s = sent.get(i);
        sent.set(
            i,
            new Sent(s.partition(), s.key(), s.value(), s.timestamp(), s.headers(), md.offset()));
      }
    }
    return sent;
  }

  /** Reads everything back and checks keys, values, headers, timestamps and offsets. */
  static void consumeAndCompare(HeadFixture fixture, List<Sent> sent) {
    Map<Integer, List<Sent>> expected = new HashMap<>();
    sent.forEach(s -> expected.computeIfAbsent(s.partition(), p -> new ArrayList<>()).add(s));
    Map<Integer, List<ConsumerRecord<byte[], byte[]>>> got = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(fixture.consumerProps())) {
      consumer.assign(partitions());
      consumer.seekToBeginning(partitions());
      int total = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (total < sent.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          got.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r);
          total++;
        }
      }
      assertThat(total).isEqualTo(sent.size());
    }
    for (Map.Entry<Integer, List<Sent>> e : expected.entrySet()) {
      List<ConsumerRecord<byte[], byte[]>> records = got.get(e.getKey());
      assertThat(records).hasSameSizeAs(e.getValue());
      for (int i = 0; i < records.size(); i++) {
        ConsumerRecord<byte[], byte[]> r = records.get(i);
        Sent s = e.getValue().get(i);
        assertThat(r.offset()).isEqualTo(i);
        if (s.offset() >= 0) {
          assertThat(r.offset()).isEqualTo(s.offset());
        }
        assertThat(r.key()).isEqualTo(s.key());
        assertThat(r.value()).isEqualTo(s.value());
        assertThat(r.timestamp()).isEqualTo(s.timestamp());
        assertThat(r.headers().toArray()).containsExactly(s.headers());
      }
    }
  }
}
