package io.duetmq.protocol.kafka.head;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer in its own thread: polls, records every (partition, offset) it got, commits after each
 * poll and on revocation. {@link #stopWithoutCommit()} makes it close right after a poll whose
 * records it does not commit (they are kept in {@link #uncommitted}).
 */
final class GroupConsumerWorker implements AutoCloseable {
  final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<String> uncommitted = new ConcurrentLinkedQueue<>();
  volatile Set<TopicPartition> assignment = Set.of();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean skipLastCommit = new AtomicBoolean();
  private final Thread thread;

  GroupConsumerWorker(Properties props, String topic) {
    thread = new Thread(() -> run(props, topic), "test-consumer");
    thread.start();
  }

  private void run(Properties props, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(
          List.of(topic),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
              if (!skipLastCommit.get()) {
                Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
                for (TopicPartition tp : partitions) {
                  positions.put(tp, new OffsetAndMetadata(consumer.position(tp)));
                }
                consumer.commitSync(positions);
              }
              assignment = Set.copyOf(consumer.assignment());
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              assignment = Set.copyOf(consumer.assignment());
            }
          });
      while (running.get()) {
        var records = consumer.poll(Duration.ofMillis(100));
        List<String> batch = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
          batch.add(r.partition() + ":" + r.offset());
        }
        received.addAll(batch);
        if (skipLastCommit.get()) {
          uncommitted.addAll(batch);
          if (!batch.isEmpty()) {
            break;
          }
          continue;
        }
        try {
          consumer.commitSync();
        } catch (KafkaException e) {
          // a rebalance is under way; the revocation callback commits these positions
        }
      }
    }
  }

  void stopWithoutCommit() {
    skipLastCommit.set(true);
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing a consumer", e);
    }
  }
}
