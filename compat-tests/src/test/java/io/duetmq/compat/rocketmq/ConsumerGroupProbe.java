package io.duetmq.compat.rocketmq;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Push consumers of one group with what each received and which queues each currently owns. The
 * owned queues are read from the client's rebalance state (public in 4.9 and 5.x), the only way to
 * see when a rebalance has settled without waiting blindly.
 *
 * <p>Thread-safe: listeners run on client threads and record into concurrent structures.
 */
final class ConsumerGroupProbe {
  private final String topic;
  private final String trackedPrefix;
  private final List<DefaultMQPushConsumer> members = new ArrayList<>();
  private final List<Set<Integer>> receivedQueues = new ArrayList<>();
  private final ConcurrentHashMap<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

  /**
   * @param topic the topic whose queue ownership is observed
   * @param trackedPrefix only bodies starting with it count for {@link #receivedQueues}
   */
  ConsumerGroupProbe(String topic, String trackedPrefix) {
    this.topic = topic;
    this.trackedPrefix = trackedPrefix;
  }

  /** Starts {@code consumer} (not yet started) with a recording listener; returns its index. */
  synchronized int join(DefaultMQPushConsumer consumer) throws Exception {
    Set<Integer> queues = ConcurrentHashMap.newKeySet();
    consumer.registerMessageListener(recording(queues));
    consumer.start();
    members.add(consumer);
    receivedQueues.add(queues);
    return members.size() - 1;
  }

  private MessageListenerConcurrently recording(Set<Integer> queues) {
    return (messages, context) -> {
      for (MessageExt message : messages) {
        String body = RocketMqClients.body(message);
        if (body.startsWith(trackedPrefix)) {
          queues.add(message.getQueueId());
        }
        deliveries.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
      }
      return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    };
  }

  /** Shuts member {@code index} down cleanly (its offsets are persisted) and drops it. */
  synchronized void leave(int index) {
    DefaultMQPushConsumer consumer = members.get(index);
    members.set(index, null);
    consumer.shutdown();
  }

  /** Shuts every member down cleanly. */
  synchronized void shutdownAll() {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i) != null) {
        leave(i);
      }
    }
  }

  /** The ids of the {@link #topic} queues that live member {@code index} owns right now. */
  @SuppressWarnings("deprecation") // 5.x deprecates the accessor; 4.9 and 5.x both have it
  synchronized Set<Integer> owned(int index) {
    Set<Integer> owned = new TreeSet<>();
    var table =
        members.get(index).getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable();
    table.forEach(
        (queue, processQueue) -> {
          if (queue.getTopic().equals(topic) && !processQueue.isDropped()) {
            owned.add(queue.getQueueId());
          }
        });
    return owned;
  }

  /**
   * True when the live members own disjoint queue sets that together are exactly {@code
   * 0..queues-1} and no two members' shares differ by more than one
   * (AllocateMessageQueueAveragely).
   */
  synchronized boolean settled(int queues) {
    Set<Integer> union = new TreeSet<>();
    int total = 0;
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i) == null) {
        continue;
      }
      Set<Integer> owned = owned(i);
      union.addAll(owned);
      total += owned.size();
      min = Math.min(min, owned.size());
      max = Math.max(max, owned.size());
    }
    return total == queues && union.size() == queues && max - min <= 1;
  }

  /** {@code [i:owned]} for every live member, for failure messages. */
  synchronized String describeOwnership() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i) != null) {
        text.append('[').append(i).append(':').append(owned(i)).append(']');
      }
    }
    return text.toString();
  }

  /** The queue ids member {@code index} received tracked messages from. */
  Set<Integer> receivedQueues(int index) {
    return new TreeSet<>(receivedQueues.get(index));
  }

  /** How often each body was delivered, over all members. */
  ConcurrentHashMap<String, AtomicInteger> deliveries() {
    return deliveries;
  }

  /** Deliveries of the bodies in {@code bodies} beyond the first. */
  int duplicatesAmong(Set<String> bodies) {
    int duplicates = 0;
    for (String body : bodies) {
      AtomicInteger count = deliveries.get(body);
      if (count != null) {
        duplicates += count.get() - 1;
      }
    }
    return duplicates;
  }

  /** How many of {@code bodies} were delivered at least once. */
  int receivedAmong(Set<String> bodies) {
    int received = 0;
    for (String body : bodies) {
      if (deliveries.containsKey(body)) {
        received++;
      }
    }
    return received;
  }
}
