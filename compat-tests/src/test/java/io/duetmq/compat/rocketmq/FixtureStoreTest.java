package io.duetmq.compat.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.BrokerFixture;
import io.duetmq.compat.harness.ClientRuntime;
import io.duetmq.compat.harness.ClientVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DuetMQ serves a store that Apache RocketMQ 5.3.3 wrote ({@code store}'s test fixture, described
 * in its MANIFEST.md): a new push group reads every message with the body, keys, tags, properties
 * and queue offset the manifest lists (compressed bodies arrive inflated).
 */
class FixtureStoreTest {
  private static final Path FIXTURES =
      Path.of("..", "store", "src", "test", "resources", "fixtures");
  private static final Map<String, String> FIXTURE_SIZES =
      Map.of(
          "mappedFileSizeCommitLog", "262144",
          "mappedFileSizeConsumeQueue", "6000",
          "maxHashSlotNum", "1000",
          "maxIndexNum", "4000",
          "maxMessageSize", "131072");

  private static final Map<String, String> STORED_BY_ROCKETMQ =
      Map.of("CLUSTER", "FixtureCluster", "MSG_REGION", "DefaultRegion", "TRACE_ON", "true");

  @TempDir Path dataDir;

  static Stream<ClientVersion> rocketmqClients() {
    return ClientVersion.selected("rocketmq-client");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("rocketmqClients")
  void shouldServeEveryMessageOfAStoreWrittenByRocketMq(ClientVersion version) {
    List<FixtureManifest.Entry> manifest =
        FixtureManifest.read(FIXTURES.resolve("rocketmq-5.3.3-store.messages.jsonl"));
    copy(FIXTURES.resolve("rocketmq-5.3.3-store"), dataDir);
    try (BrokerFixture broker = BrokerFixture.start(dataDir, FIXTURE_SIZES);
        ClientRuntime runtime = ClientRuntime.open(version)) {
      Map<String, String> result =
          new TreeMap<>(
              runtime.run(
                  FixtureConsumeScenario.class,
                  Map.of(
                      "namesrv", broker.namesrvAddress().orElseThrow(),
                      "messages", Integer.toString(manifest.size())),
                  Duration.ofSeconds(90)));
      String deliveries = result.remove("deliveries");
      String clientAdded = result.remove("clientAdded");

      assertThat(manifest).hasSize(1440);
      assertThat(result.keySet())
          .as("positions read")
          .containsExactlyInAnyOrderElementsOf(
              manifest.stream().map(FixtureManifest.Entry::position).toList());
      List<String> mismatches = new ArrayList<>();
      for (FixtureManifest.Entry entry : manifest) {
        compare(entry, result.get(entry.position()), mismatches);
      }
      assertThat(mismatches)
          .as("messages unlike the manifest (client-added properties %s left out)", clientAdded)
          .isEmpty();
      assertThat(deliveries).as("each message delivered once").isEqualTo("1440");
    }
  }

  /**
   * Records how {@code described} (see {@link FixtureConsumeScenario#describe}) differs from the
   * manifest's entry. Batched entries list only {@code seq}: their stored map must be exactly KEYS,
   * TAGS and seq plus the UNIQ_KEY the client generated (and WAIT, if stored).
   */
  private static void compare(FixtureManifest.Entry entry, String described, List<String> out) {
    String[] fields = described.split(FixtureConsumeScenario.SEPARATOR, -1);
    Map<String, String> properties = new TreeMap<>();
    for (String pair : fields[3].split(FixtureConsumeScenario.PROPERTY_SEPARATOR)) {
      int eq = pair.indexOf('=');
      properties.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    // the RocketMQ broker that wrote the store added these when it stored each message; the
    // manifest lists what the producer sent
    for (Map.Entry<String, String> added : STORED_BY_ROCKETMQ.entrySet()) {
      String value = properties.remove(added.getKey());
      if (!added.getValue().equals(value)) {
        out.add(entry.position() + ": " + added.getKey() + "=" + value);
      }
    }
    Map<String, String> expected = entry.properties();
    if (expected == null) {
      expected =
          new TreeMap<>(Map.of("KEYS", entry.keys(), "TAGS", entry.tags(), "seq", entry.seq()));
      if (properties.remove("UNIQ_KEY") == null) {
        out.add(entry.position() + ": no UNIQ_KEY");
      }
      properties.remove("WAIT");
    }
    String want = entry.bodySha256() + " " + entry.keys() + " " + entry.tags() + " " + expected;
    String got = fields[0] + " " + fields[1] + " " + fields[2] + " " + properties;
    if (!want.equals(got)) {
      out.add(entry.position() + ": want " + want + " got " + got);
    }
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
  }
}
