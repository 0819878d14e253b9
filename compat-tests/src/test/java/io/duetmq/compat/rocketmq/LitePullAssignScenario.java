package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * DefaultLitePullConsumer in assign mode: it assigns itself every queue of a 4-queue topic, seeks
 * queue 2 to offset 5 and the others to 0, and must read exactly those messages (body, queue and
 * queue offset); then it seeks queue 0 back to 7 and reads offsets 7..9 again.
 *
 * <p>Params: {@code namesrv}, {@code topic}. Message {@code q<q>-<n>} is sent to queue q and so
 * lies at offset n.
 */
public final class LitePullAssignScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final int QUEUES = 4;
  private static final int PER_QUEUE = 10;

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    DefaultMQProducer producer = RocketMqClients.producer(namesrv, QUEUES);
    try {
      MessageQueueSelector byQueueId =
          (queues, message, arg) ->
              queues.stream()
                  .filter(q -> q.getQueueId() == (Integer) arg)
                  .findFirst()
                  .orElseThrow();
      for (int n = 0; n < PER_QUEUE; n++) {
        for (int q = 0; q < QUEUES; q++) {
          producer.send(
              RocketMqClients.message(topic, null, null, "q" + q + "-" + n), byQueueId, q);
        }
      }
    } finally {
      producer.shutdown();
    }
    DefaultLitePullConsumer consumer =
        new DefaultLitePullConsumer(RocketMqClients.unique("assign"));
    consumer.setNamesrvAddr(namesrv);
    consumer.setInstanceName(RocketMqClients.unique("a"));
    consumer.setAutoCommit(false);
    consumer.start();
    Set<String> firstRead = new TreeSet<>();
    Set<String> reread = new TreeSet<>();
    try {
      List<MessageQueue> queues = new ArrayList<>(consumer.fetchMessageQueues(topic));
      assertThat(queues).as("queues of %s", topic).hasSize(QUEUES);
      consumer.assign(queues);
      for (MessageQueue queue : queues) {
        consumer.seek(queue, queue.getQueueId() == 2 ? 5 : 0);
      }
      int expected = (QUEUES - 1) * PER_QUEUE + (PER_QUEUE - 5);
      firstRead.addAll(describe(RocketMqClients.pollAtLeast(consumer, expected, DEADLINE)));
      MessageQueue queue0 =
          queues.stream().filter(q -> q.getQueueId() == 0).findFirst().orElseThrow();
      consumer.seek(queue0, 7);
      reread.addAll(describe(RocketMqClients.pollAtLeast(consumer, 3, DEADLINE)));
    } finally {
      consumer.shutdown();
    }
    Set<String> want = new TreeSet<>();
    for (int q = 0; q < QUEUES; q++) {
      for (int n = q == 2 ? 5 : 0; n < PER_QUEUE; n++) {
        want.add(q + "@" + n + "=q" + q + "-" + n);
      }
    }
    assertThat(firstRead).as("read after assign + seek").isEqualTo(want);
    assertThat(reread)
        .as("read after seeking queue 0 to 7")
        .containsExactly("0@7=q0-7", "0@8=q0-8", "0@9=q0-9");
    return Map.of(
        "read", Integer.toString(firstRead.size()), "reread", Integer.toString(reread.size()));
  }

  /** {@code queueId@queueOffset=body} per message. */
  private static List<String> describe(List<MessageExt> messages) {
    return messages.stream()
        .map(m -> m.getQueueId() + "@" + m.getQueueOffset() + "=" + RocketMqClients.body(m))
        .toList();
  }
}
