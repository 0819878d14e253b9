package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every partition of {@code topic} from the beginning to its end offset as fast as an
 * assigned consumer (no group) can, and returns {@code records}, {@code bytes} (keys + values),
 * {@code millis}, {@code recordsPerSec} and {@code mbPerSec} (MiB/s of keys + values). Kafka's own
 * ConsumerPerformance needs a consumer group, which the broker does not serve yet.
 */
public final class ReadRateScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofMinutes(5);

  @Override
  public Map<String, String> run(Map<String, String> params) {
    Properties props = new Properties();
    props.put("bootstrap.servers", params.get("bootstrap"));
    props.put("enable.auto.commit", "false");
    props.put("max.poll.records", "10000");
    props.put("key.deserializer", ByteArrayDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(params.get("topic"))) {
        partitions.add(new TopicPartition(info.topic(), info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long expected = ends.values().stream().mapToLong(Long::longValue).sum();
      long records = 0;
      long bytes = 0;
      long start = System.nanoTime();
      long deadline = start + DEADLINE.toNanos();
      while (records < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          records++;
          bytes +=
              Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
        }
      }
      long nanos = System.nanoTime() - start;
      assertThat(records).as("records read").isEqualTo(expected);
      double seconds = nanos / 1e9;
      return Map.of(
          "records",
          Long.toString(records),
          "bytes",
          Long.toString(bytes),
          "millis",
          Long.toString(nanos / 1_000_000),
          "recordsPerSec",
          String.format("%.0f", records / seconds),
          "mbPerSec",
          String.format("%.2f", bytes / seconds / (1024 * 1024)));
    }
  }
}
