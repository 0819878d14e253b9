package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of {@code topic} from the beginning to its end offset with an assigned
 * consumer and checks that every acknowledged record listed in {@code ackFiles} (comma-separated,
 * lines {@code partition offset value} as {@link AckedProduceScenario} writes them) is stored at
 * its acknowledged offset with its value. Returns {@code checked} and {@code end.<p>}.
 */
public final class AckedRecordsCheckScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    List<String[]> acks = new ArrayList<>();
    for (String file : params.get("ackFiles").split(",")) {
      for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
        acks.add(line.split(" ", 3));
      }
    }
    Map<TopicPartition, Map<Long, String>> stored = new HashMap<>();
    Map<String, String> result = new HashMap<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(params))) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(params.get("topic"))) {
        partitions.add(new TopicPartition(info.topic(), info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!reachedEnd(consumer, ends) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          stored
              .computeIfAbsent(
                  new TopicPartition(record.topic(), record.partition()), p -> new HashMap<>())
              .put(record.offset(), record.value());
        }
      }
      assertThat(reachedEnd(consumer, ends)).as("read every partition up to %s", ends).isTrue();
      ends.forEach((p, end) -> result.put("end." + p.partition(), Long.toString(end)));
    }
    for (String[] ack : acks) {
      TopicPartition partition = new TopicPartition(params.get("topic"), Integer.parseInt(ack[0]));
      long offset = Long.parseLong(ack[1]);
      assertThat(stored.getOrDefault(partition, Map.of()).get(offset))
          .as("acknowledged record at %s offset %d", partition, offset)
          .isEqualTo(ack[2]);
    }
    result.put("checked", Integer.toString(acks.size()));
    return result;
  }

  private static boolean reachedEnd(
      KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static Properties consumerProps(Map<String, String> params) {
    Properties props = new Properties();
    props.put("bootstrap.servers", params.get("bootstrap"));
    props.put("enable.auto.commit", "false");
    props.put("max.poll.records", "5000");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", StringDeserializer.class.getName());
    return props;
  }
}
