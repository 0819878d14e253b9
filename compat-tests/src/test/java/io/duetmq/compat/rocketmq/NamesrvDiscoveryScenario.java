package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * A producer and a lite pull consumer that find the NameServer on their own: with {@code namesrv}
 * given it is set through {@code setNamesrvAddr}; without it the clients are left to their defaults
 * (JVM property {@code rocketmq.namesrv.addr}, environment {@code NAMESRV_ADDR}, or the HTTP
 * address server named by {@code rocketmq.namesrv.domain}), which the forking test sets up. One
 * message must go through and come back.
 *
 * <p>Params: {@code topic}, optional {@code namesrv}.
 */
public final class NamesrvDiscoveryScenario implements Scenario {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Override
  public Map<String, String> run(Map<String, String> params) throws Exception {
    String namesrv = params.get("namesrv");
    String topic = params.get("topic");
    DefaultMQProducer producer = new DefaultMQProducer(RocketMqClients.unique("discovery"));
    producer.setInstanceName(RocketMqClients.unique("p"));
    if (namesrv != null) {
      producer.setNamesrvAddr(namesrv);
    }
    producer.start();
    SendResult sent;
    try {
      sent =
          RocketMqClients.sendOk(producer, RocketMqClients.message(topic, "TagD", "dk", "found"));
    } finally {
      producer.shutdown();
    }
    DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(RocketMqClients.unique("disc"));
    consumer.setInstanceName(RocketMqClients.unique("l"));
    if (namesrv != null) {
      consumer.setNamesrvAddr(namesrv);
    }
    consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    consumer.subscribe(topic, "*");
    consumer.start();
    List<MessageExt> received;
    try {
      received = RocketMqClients.pollAtLeast(consumer, 1, DEADLINE);
    } finally {
      consumer.shutdown();
    }
    assertThat(received).as("messages read back from %s", topic).hasSize(1);
    assertThat(RocketMqClients.body(received.get(0))).isEqualTo("found");
    assertThat(received.get(0).getMsgId()).isEqualTo(sent.getMsgId());
    return Map.of("received", "1", "msgId", sent.getMsgId());
  }
}
