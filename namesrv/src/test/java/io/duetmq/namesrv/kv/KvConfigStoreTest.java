package io.duetmq.namesrv.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvConfigStoreTest {

  @TempDir Path dir;

  @Test
  void shouldReloadWhatWasPutAndForgetWhatWasDeleted() {
    Path file = dir.resolve("sub/kvConfig.json");
    KvConfigStore store = KvConfigStore.load(file);
    store.put("ns", "a", "1");
    store.put("ns", "b", "2");
    store.put("other", "x", "y");
    assertThat(store.delete("ns", "b")).isTrue();
    assertThat(store.delete("ns", "b")).isFalse();
    assertThat(store.delete("other", "x")).isTrue();

    KvConfigStore reloaded = KvConfigStore.load(file);

    assertThat(reloaded.get("ns", "a")).isEqualTo("1");
    assertThat(reloaded.get("ns", "b")).isNull();
    assertThat(reloaded.namespace("other")).isEmpty();
    assertThat(reloaded.namespace("ns")).contains(Map.of("a", "1"));
    assertThat(Files.exists(dir.resolve("sub/kvConfig.json.tmp"))).isFalse();
  }

  @Test
  void shouldReadAFileInRocketMqsFormat() throws Exception {
    Path file = dir.resolve("kvConfig.json");
    Files.writeString(
        file,
        "{\n\t\"configTable\":{\n\t\t\"ORDER_TOPIC_CONFIG\":{\n\t\t\t\"T\":\"broker-a:4;broker-b:4\"\n"
            + "\t\t}\n\t}\n}");

    assertThat(KvConfigStore.load(file).get("ORDER_TOPIC_CONFIG", "T"))
        .isEqualTo("broker-a:4;broker-b:4");
  }

  @Test
  void shouldRefuseToStartFromACorruptFile() throws Exception {
    Path file = dir.resolve("kvConfig.json");
    Files.writeString(file, "{\"configTable\":{\"ns\":{\"k\":");

    assertThatThrownBy(() -> KvConfigStore.load(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void shouldKeepOldValueWhenTheWriteFails() throws Exception {
    Path file = dir.resolve("kvConfig.json");
    KvConfigStore store = KvConfigStore.load(file);
    store.put("ns", "k", "old");
    // a directory where the temp file must go makes the next write fail
    Files.createDirectory(dir.resolve("kvConfig.json.tmp"));

    assertThatThrownBy(() -> store.put("ns", "k", "new")).isInstanceOf(UncheckedIOException.class);
    assertThat(store.get("ns", "k")).isEqualTo("old");
  }
}
