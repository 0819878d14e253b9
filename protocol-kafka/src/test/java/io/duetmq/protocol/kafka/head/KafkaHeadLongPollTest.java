package io.duetmq.protocol.kafka.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long poll: a fetch parked on an empty partition is answered as soon as a record arrives. */
class KafkaHeadLongPollTest {
  @TempDir Path dir;

  @Test
  void shouldAnswerAParkedFetchAsSoonAsARecordArrives() throws Exception {
    try (HeadFixture fixture = new HeadFixture(dir)) {
      fixture.catalog.create("poll", 1, Map.of());
      Properties props = fixture.consumerProps();
      props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20_000);
      TopicPartition tp = new TopicPartition("poll", 0);
      KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(fixture.producerProps())) {
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        // the consumer polls on another thread; we touch it again only after that poll returned
        CompletableFuture<ConsumerRecords<byte[], byte[]>> polled =
            CompletableFuture.supplyAsync(() -> consumer.poll(Duration.ofSeconds(30)));
        await().atMost(15, TimeUnit.SECONDS).until(() -> fixture.head.parkedFetches() > 0);
        long start = System.nanoTime();
        producer
            .send(new ProducerRecord<>("poll", 0, null, "wake".getBytes(StandardCharsets.UTF_8)))
            .get(10, TimeUnit.SECONDS);
        ConsumerRecords<byte[], byte[]> records = polled.get(25, TimeUnit.SECONDS);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(records.count()).isEqualTo(1);
        ConsumerRecord<byte[], byte[]> record = records.iterator().next();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("wake");
        assertThat(elapsedMs).as("answered long before the 20 s max wait").isLessThan(10_000);
      } finally {
        // the consumer already pipelined its next fetch, parked for 20 s: do not wait for it
        consumer.close(CloseOptions.timeout(Duration.ofMillis(100)));
      }
    }
  }
}
