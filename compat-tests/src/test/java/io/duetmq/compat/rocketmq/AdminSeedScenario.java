package io.duetmq.compat.rocketmq;

import io.duetmq.compat.harness.Scenario;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Gives mqadmin something to look at: sends {@code messages} messages with keys {@code
 * admin-key-<n>} to {@code topic} and has a push consumer of {@code group} consume them all and
 * shut down cleanly (committing its offsets). Returns {@code msgId.<n>} (UNIQ_KEY) and {@code
 * offsetMsgId.<n>} of each message.
 */
public final class AdminSeedScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    int messages = Integer.parseInt(params.get("messages"));
    Map<String, String> result = new LinkedHashMap<>();
    DefaultMQProducer producer = RocketMqClients.producer(namesrv, 4);
    try {
      for (int i = 0; i < messages; i++) {
        SendResult sent =
            RocketMqClients.sendOk(
                producer,
                RocketMqClients.message(topic, "TagAdmin", "admin-key-" + i, "admin-body-" + i));
        result.put("msgId." + i, sent.getMsgId());
        result.put("offsetMsgId." + i, sent.getOffsetMsgId());
      }
    } finally {
      producer.shutdown();
    }
    Queue<MessageExt> received = new ConcurrentLinkedQueue<>();
    DefaultMQPushConsumer consumer =
        RocketMqClients.pushConsumer(namesrv, params.get("group"), topic, "*");
    consumer.registerMessageListener(RocketMqClients.collectingInto(received));
    consumer.start();
    try {
      RocketMqClients.awaitUntil(
          DEADLINE, () -> received.size() + " of " + messages, () -> received.size() >= messages);
    } finally {
      consumer.shutdown();
    }
    result.put("consumed", Integer.toString(received.size()));
    return result;
  }
}
