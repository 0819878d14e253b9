package io.duetmq.store.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.store.MessageStore;
import io.duetmq.store.StoreTestSupport;
import io.duetmq.store.StoredRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that appends with SYNC_FLUSH (SIGKILL, mid-write) and checks that every append it
 * acknowledged is readable after the store reopens, and that the reopened log accepts writes.
 */
@Tag("crash")
class SigkillRecoveryTest {
  private static final int ACKS_BEFORE_KILL = 3000;

  @TempDir Path dir;

  @Test
  void shouldKeepEveryAcknowledgedAppendAfterSigkill() throws Exception {
    Map<String, Long> acknowledged = new LinkedHashMap<>();
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("READY");
      String line;
      while (acknowledged.size() < ACKS_BEFORE_KILL && (line = lines.readLine()) != null) {
        String[] parts = line.split(" ");
        acknowledged.put(parts[1], Long.parseLong(parts[2]));
      }
      // SIGKILL while the writers are mid-append; acknowledgements printed after the last line read
      // are not checked.
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    assertThat(Files.exists(dir.resolve("abort")))
        .as("the killed process left its abort marker")
        .isTrue();

    try (MessageStore store = StoreTestSupport.open(StoreTestSupport.smallConfig(dir))) {
      for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
        StoredRecord record = store.lookup(ack.getValue());
        assertThat(record).as("acknowledged %s", ack.getKey()).isNotNull();
        assertThat(StoreTestSupport.bodyOf(record)).isEqualTo(ack.getKey());
      }
      long total = 0;
      for (int q = 0; q < 4; q++) {
        total += store.maxOffset("Crash", q);
      }
      assertThat(total).isGreaterThanOrEqualTo(acknowledged.size());
      long max = store.maxOffset("Crash", 0);
      var next =
          StoreTestSupport.appendNow(store, StoreTestSupport.message("Crash", 0, "after", null));
      assertThat(next.queueOffset()).isEqualTo(max);
    }
  }
}
