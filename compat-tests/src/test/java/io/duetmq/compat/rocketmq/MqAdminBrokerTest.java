package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import io.duetmq.compat.harness.ProcessResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real mqadmin (rocketmq-tools 5.3.3, one JVM per command) against a standalone DuetMQ: each
 * command's output must show what a user runs it for. One broker for the whole walk, because the
 * commands build on each other (create, fill, consume, inspect, reset, delete).
 */
class MqAdminBrokerTest {
  private static final String TOPIC = "AdminTopic";
  private static final String GROUP = "AdminGroup";
  private static final String CLUSTER = "DefaultCluster";
  private static final String BROKER = "broker-a";
  private static final int MESSAGES = 8;

  @TempDir Path dataDir;

  private String namesrv;

  private ProcessResult mqadmin(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "-n", namesrv));
    all.addAll(List.of(args));
    ProcessResult result = MqAdminTest.mqadmin(all.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.describe()).isZero();
    return result;
  }

  @Test
  void shouldAnswerEveryCommonMqAdminCommandWithWhatAUserLooksFor() {
    try (BrokerFixture broker = BrokerFixture.start(dataDir);
        ClientRuntime runtime = ClientRuntime.open(ClientVersion.ROCKETMQ_TOOLS_5_3)) {
      namesrv = broker.namesrvAddress().orElseThrow();
      String brokerAddr = broker.rocketmqAddress().orElseThrow();

      ProcessResult clusters = mqadmin("clusterList");
      assertThat(clusters.stdout()).as(clusters.describe()).contains(CLUSTER, BROKER, brokerAddr);

      ProcessResult created =
          mqadmin("updateTopic", "-b", brokerAddr, "-t", TOPIC, "-r", "4", "-w", "4");
      assertThat(created.stdout())
          .as(created.describe())
          .contains("create topic to " + brokerAddr + " success")
          .contains("topicName=" + TOPIC)
          .contains("readQueueNums=4", "writeQueueNums=4");

      ProcessResult topics = mqadmin("topicList");
      assertThat(topics.stdout().lines()).as(topics.describe()).contains(TOPIC);

      ProcessResult route = mqadmin("topicRoute", "-t", TOPIC);
      String compactRoute = route.stdout().replaceAll("\\s", "");
      assertThat(compactRoute)
          .as(route.describe())
          .contains("\"brokerName\":\"" + BROKER + "\"")
          .contains("\"readQueueNums\":4")
          .contains("\"writeQueueNums\":4")
          .contains(brokerAddr);

      Map<String, String> seeded =
          runtime.run(
              AdminSeedScenario.class,
              Map.of(
                  "namesrv", namesrv,
                  "topic", TOPIC,
                  "group", GROUP,
                  "messages", Integer.toString(MESSAGES)));
      assertThat(seeded).containsEntry("consumed", Integer.toString(MESSAGES));

      ProcessResult status = mqadmin("topicStatus", "-t", TOPIC);
      assertThat(sumOfColumn(status, BROKER + "\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)", 3))
          .as("max offsets over the queues: %s", status.describe())
          .isEqualTo(MESSAGES);

      ProcessResult brokerStatus = mqadmin("brokerStatus", "-b", brokerAddr);
      assertThat(brokerStatus.stdout())
          .as(brokerStatus.describe())
          .containsPattern("brokerVersionDesc\\s*:\\s*V\\d")
          .contains("putTps");

      ProcessResult subGroup = mqadmin("updateSubGroup", "-b", brokerAddr, "-g", "AdminSubGroup");
      assertThat(subGroup.stdout())
          .as(subGroup.describe())
          .contains("create subscription group to " + brokerAddr + " success")
          .contains("AdminSubGroup");

      ProcessResult progress = mqadmin("consumerProgress", "-g", GROUP);
      assertThat(progress.stdout())
          .as(progress.describe())
          .contains(TOPIC, BROKER)
          .containsPattern("Diff Total:\\s*0\\b");
      assertThat(
              sumOfColumn(progress, TOPIC + "\\s+" + BROKER + "\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)", 3))
          .as("consumer offsets: %s", progress.describe())
          .isEqualTo(MESSAGES);

      checkQueriesResetAndDelete(seeded);
    }
  }

  private void checkQueriesResetAndDelete(Map<String, String> seeded) {
    ProcessResult byId = mqadmin("queryMsgById", "-t", TOPIC, "-i", seeded.get("offsetMsgId.3"));
    assertThat(byId.stdout())
        .as(byId.describe())
        .contains("admin-key-3")
        .contains(TOPIC)
        .contains("TagAdmin");

    ProcessResult byUniqId = mqadmin("queryMsgById", "-t", TOPIC, "-i", seeded.get("msgId.4"));
    assertThat(byUniqId.stdout()).as(byUniqId.describe()).contains("admin-key-4");

    ProcessResult byKey = mqadmin("queryMsgByKey", "-t", TOPIC, "-k", "admin-key-5");
    assertThat(byKey.stdout())
        .as(byKey.describe())
        .contains(seeded.get("msgId.5"))
        .doesNotContain(seeded.get("msgId.6"));

    ProcessResult reset =
        mqadmin("resetOffsetByTime", "-g", GROUP, "-t", TOPIC, "-s", "0", "-f", "true");
    assertThat(reset.stdout()).as(reset.describe()).contains(TOPIC).contains(GROUP);
    ProcessResult afterReset = mqadmin("consumerProgress", "-g", GROUP);
    assertThat(afterReset.stdout())
        .as(afterReset.describe())
        .containsPattern("Diff Total:\\s*" + MESSAGES + "\\b");

    ProcessResult deleted = mqadmin("deleteTopic", "-t", TOPIC, "-c", CLUSTER);
    assertThat(deleted.stdout())
        .as(deleted.describe())
        .contains("delete topic [" + TOPIC + "] from cluster [" + CLUSTER + "] success")
        .contains("delete topic [" + TOPIC + "] from NameServer success");
    ProcessResult topicsAfter = mqadmin("topicList");
    assertThat(topicsAfter.stdout().lines()).as(topicsAfter.describe()).doesNotContain(TOPIC);
  }

  /** Sums capture group {@code group} of every output line matching {@code row}. */
  private static int sumOfColumn(ProcessResult result, String row, int group) {
    Matcher matcher = Pattern.compile(row).matcher(result.stdout());
    int sum = 0;
    while (matcher.find()) {
      sum += Integer.parseInt(matcher.group(group));
    }
    return sum;
  }
}
