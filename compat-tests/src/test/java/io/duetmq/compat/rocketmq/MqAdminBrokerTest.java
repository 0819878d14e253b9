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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real mqadmin (rocketmq-tools 5.3.3, one JVM per command) against a standalone DuetMQ: each
 * command's output must show what a user runs it for. One broker for the whole walk, because the
 * commands build on each other (create, fill, consume, inspect, reset, delete). Every mqadmin JVM
 * spends ~4 s shutting its Netty client down gracefully, so independent commands run side by side.
 */
class MqAdminBrokerTest {
  private static final System.Logger LOG = System.getLogger(MqAdminBrokerTest.class.getName());
  private static final String TOPIC = "AdminTopic";
  private static final String GROUP = "AdminGroup";
  private static final String CLUSTER = "DefaultCluster";
  private static final String BROKER = "broker-a";
  private static final int MESSAGES = 8;

  @TempDir Path dataDir;

  private final ExecutorService forks = Executors.newFixedThreadPool(6);
  private String namesrv;

  @AfterEach
  void stopForks() {
    forks.shutdownNow();
  }

  /** Runs each command (with {@code -n}) in its own JVM, all at once; insists on exit code 0. */
  private List<ProcessResult> mqadminAll(List<List<String>> commands) {
    List<CompletableFuture<ProcessResult>> running = new ArrayList<>();
    for (List<String> command : commands) {
      running.add(CompletableFuture.supplyAsync(() -> mqadmin(command), forks));
    }
    return running.stream().map(CompletableFuture::join).toList();
  }

  private ProcessResult mqadmin(List<String> command) {
    List<String> all = new ArrayList<>(command.subList(0, 1));
    all.addAll(List.of("-n", namesrv));
    all.addAll(command.subList(1, command.size()));
    long start = System.nanoTime();
    ProcessResult result = MqAdminTest.mqadmin(all.toArray(String[]::new));
    LOG.log(
        System.Logger.Level.INFO,
        "mqadmin {0} took {1} ms",
        command,
        (System.nanoTime() - start) / 1_000_000);
    assertThat(result.exitCode()).as(result.describe()).isZero();
    return result;
  }

  @Test
  void shouldAnswerEveryCommonMqAdminCommandWithWhatAUserLooksFor() {
    try (BrokerFixture broker = BrokerFixture.start(dataDir);
        ClientRuntime runtime = ClientRuntime.open(ClientVersion.ROCKETMQ_TOOLS_5_3)) {
      namesrv = broker.namesrvAddress().orElseThrow();
      String brokerAddr = broker.rocketmqAddress().orElseThrow();

      List<ProcessResult> setUp =
          mqadminAll(
              List.of(
                  List.of("clusterList"),
                  List.of("updateTopic", "-b", brokerAddr, "-t", TOPIC, "-r", "4", "-w", "4"),
                  List.of("updateSubGroup", "-b", brokerAddr, "-g", "AdminSubGroup")));
      assertThat(setUp.get(0).stdout())
          .as(setUp.get(0).describe())
          .contains(CLUSTER, BROKER, brokerAddr);
      assertThat(setUp.get(1).stdout())
          .as(setUp.get(1).describe())
          .contains("create topic to " + brokerAddr + " success")
          .contains("topicName=" + TOPIC)
          .contains("readQueueNums=4", "writeQueueNums=4");
      assertThat(setUp.get(2).stdout())
          .as(setUp.get(2).describe())
          .contains("create subscription group to " + brokerAddr + " success")
          .contains("AdminSubGroup");

      List<ProcessResult> listed =
          mqadminAll(List.of(List.of("topicList"), List.of("topicRoute", "-t", TOPIC)));
      assertThat(listed.get(0).stdout().lines()).as(listed.get(0).describe()).contains(TOPIC);
      assertThat(listed.get(1).stdout().replaceAll("\\s", ""))
          .as(listed.get(1).describe())
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

      inspect(brokerAddr, seeded);
      resetAndDelete();
    }
  }

  private void inspect(String brokerAddr, Map<String, String> seeded) {
    List<ProcessResult> looked =
        mqadminAll(
            List.of(
                List.of("topicStatus", "-t", TOPIC),
                List.of("brokerStatus", "-b", brokerAddr),
                List.of("consumerProgress", "-g", GROUP),
                List.of("queryMsgById", "-t", TOPIC, "-i", seeded.get("offsetMsgId.3")),
                List.of("queryMsgById", "-t", TOPIC, "-i", seeded.get("msgId.4")),
                List.of("queryMsgByKey", "-t", TOPIC, "-k", "admin-key-5")));
    ProcessResult status = looked.get(0);
    assertThat(sumOfColumn(status, BROKER + "\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)", 3))
        .as("max offsets over the queues: %s", status.describe())
        .isEqualTo(MESSAGES);
    assertThat(looked.get(1).stdout())
        .as(looked.get(1).describe())
        .containsPattern("brokerVersionDesc\\s*:\\s*V\\d")
        .contains("putTps");
    ProcessResult progress = looked.get(2);
    assertThat(progress.stdout())
        .as(progress.describe())
        .contains(TOPIC, BROKER)
        .containsPattern("Diff Total:\\s*0\\b");
    assertThat(sumOfColumn(progress, TOPIC + "\\s+" + BROKER + "\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)", 3))
        .as("consumer offsets: %s", progress.describe())
        .isEqualTo(MESSAGES);
    assertThat(looked.get(3).stdout())
        .as(looked.get(3).describe())
        .contains("admin-key-3")
        .contains(TOPIC)
        .contains("TagAdmin");
    assertThat(looked.get(4).stdout()).as(looked.get(4).describe()).contains("admin-key-4");
    assertThat(looked.get(5).stdout())
        .as(looked.get(5).describe())
        .contains(seeded.get("msgId.5"))
        .doesNotContain(seeded.get("msgId.6"));
  }

  private void resetAndDelete() {
    ProcessResult reset =
        mqadmin(List.of("resetOffsetByTime", "-g", GROUP, "-t", TOPIC, "-s", "0", "-f", "true"));
    assertThat(reset.stdout()).as(reset.describe()).contains(TOPIC).contains(GROUP);
    ProcessResult afterReset = mqadmin(List.of("consumerProgress", "-g", GROUP));
    assertThat(afterReset.stdout())
        .as(afterReset.describe())
        .containsPattern("Diff Total:\\s*" + MESSAGES + "\\b");

    ProcessResult deleted = mqadmin(List.of("deleteTopic", "-t", TOPIC, "-c", CLUSTER));
    assertThat(deleted.stdout())
        .as(deleted.describe())
        .contains("delete topic [" + TOPIC + "] from cluster [" + CLUSTER + "] success")
        .contains("delete topic [" + TOPIC + "] from NameServer success");
    ProcessResult topicsAfter = mqadmin(List.of("topicList"));
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
