package io.duetmq.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.store.log.CommitLogDescriptor;
import io.duetmq.store.log.MessageRecordFlyweight;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a store directory written by Apache RocketMQ 5.3.3 (test resource {@code fixtures/}, see
 * its MANIFEST.md) and reads every message listed in the manifest back through DuetMQ's own rebuilt
 * consume queues and index.
 */
class RocketMqFixtureTest {
  private static final String FIXTURE = "fixtures/rocketmq-5.3.3-store";

  @TempDir Path dir;

  @Test
  void shouldServeEveryMessageOfARocketMqStoreExactlyAsListed() throws Exception {
    copyFixture(dir);
    List<Map<String, Object>> manifest = manifest();
    assertThat(manifest).hasSize(1440);
    MessageRecordFlyweight view = new MessageRecordFlyweight();
    try (MessageStore store =
        MessageStore.open(StoreConfig.defaults(dir), java.time.Clock.systemUTC())) {
      for (Map<String, Object> expected : manifest) {
        String topic = (String) expected.get("topic");
        int queueId = ((Long) expected.get("queueId")).intValue();
        long queueOffset = (Long) expected.get("queueOffset");
        QueueReadResult read = store.read(topic, queueId, queueOffset, 1 << 20, 1, null);
        assertThat(read.status())
            .as("%s/%d@%d", topic, queueId, queueOffset)
            .isEqualTo(ReadStatus.FOUND);
        StoredRecord record = read.records().get(0);
        view.wrap(record.buffer(), 0);
        assertThat(view.topic()).isEqualTo(topic);
        assertThat(view.queueId()).isEqualTo(queueId);
        assertThat(view.queueOffset()).isEqualTo(queueOffset);
        checkProperties(expected, parseProperties(view.properties()));
        checkBody(expected, view);
        if (expected.containsKey("offsetMsgId")) {
          checkOffsetMessageId((String) expected.get("offsetMsgId"), view, record);
        }
      }
      for (int q = 0; q < 4; q++) {
        assertThat(store.maxOffset("FixtureTopic", q)).isEqualTo(300);
      }
      assertThat(store.maxOffset("FixtureKeys", 1)).isEqualTo(200);
      assertThat(store.maxOffset("FixtureKeys", 0)).isEqualTo(40);
      assertThat(store.queryByKey("FixtureKeys", "bkey-10001", 10, 0, Long.MAX_VALUE)).hasSize(1);
    }
  }

  private static void checkProperties(Map<String, Object> expected, Map<String, String> actual) {
    @SuppressWarnings("unchecked") // the manifest's properties are a string map
    Map<String, Object> listed = (Map<String, Object>) expected.get("properties");
    if (listed != null) {
      // The manifest lists what the producer sent; the 5.3.3 broker adds exactly these three when
      // storing.
      Map<String, String> sent = new LinkedHashMap<>(actual);
      assertThat(sent.remove("CLUSTER")).isEqualTo("FixtureCluster");
      assertThat(sent.remove("MSG_REGION")).isEqualTo("DefaultRegion");
      assertThat(sent.remove("TRACE_ON")).isEqualTo("true");
      assertThat(sent).isEqualTo(listed);
    }
    assertThat(actual.get("KEYS")).isEqualTo(expected.get("keys"));
    assertThat(actual.get("TAGS")).isEqualTo(expected.get("tags"));
    if (expected.get("uniqKey") != null) {
      assertThat(actual.get("UNIQ_KEY")).isEqualTo(expected.get("uniqKey"));
    }
  }

  private static void checkBody(Map<String, Object> expected, MessageRecordFlyweight view)
      throws Exception {
    byte[] body = new byte[view.bodyLength()];
    view.body().get(body);
    if ((view.sysFlag() & CommitLogDescriptor.SYSFLAG_COMPRESSED) != 0) {
      body = inflate(body);
    }
    assertThat((long) body.length).isEqualTo(expected.get("bodyLength"));
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    assertThat(sha).isEqualTo(expected.get("bodySha256"));
  }

  private static void checkOffsetMessageId(
      String id, MessageRecordFlyweight view, StoredRecord record) {
    ByteBuffer bytes = ByteBuffer.wrap(HexFormat.of().parseHex(id));
    byte[] ip = new byte[4];
    bytes.get(ip);
    int port = bytes.getInt();
    long offset = bytes.getLong();
    assertThat(offset).isEqualTo(record.commitLogOffset()).isEqualTo(view.physicalOffset());
    InetSocketAddress host = view.storeHost();
    assertThat(host.getAddress().getAddress()).isEqualTo(ip);
    assertThat(host.getPort()).isEqualTo(port);
  }

  static Map<String, String> parseProperties(String properties) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String entry : properties.split("\u0002")) {
      int separator = entry.indexOf('\u0001');
      if (separator > 0 && separator < entry.length() - 1) {
        map.put(entry.substring(0, separator), entry.substring(separator + 1));
      }
    }
    return map;
  }

  private static byte[] inflate(byte[] compressed) throws Exception {
    Inflater inflater = new Inflater();
    inflater.setInput(compressed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    while (!inflater.finished()) {
      int n = inflater.inflate(chunk);
      if (n == 0 && inflater.needsInput()) {
        break;
      }
      out.write(chunk, 0, n);
    }
    inflater.end();
    return out.toByteArray();
  }

  static List<Map<String, Object>> manifest() throws Exception {
    Path file = resource("fixtures/rocketmq-5.3.3-store.messages.jsonl");
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .map(MiniJson::parseObject)
        .toList();
  }

  static void copyFixture(Path target) throws Exception {
    Path source = resource(FIXTURE);
    try (var paths = Files.walk(source)) {
      for (Path p : paths.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
          to.toFile().setWritable(true);
        }
      }
    }
  }

  private static Path resource(String name) throws Exception {
    return Path.of(RocketMqFixtureTest.class.getClassLoader().getResource(name).toURI());
  }
}
