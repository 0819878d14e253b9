package io.duetmq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duetmq.broker.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileStoreTest {
  @TempDir Path root;

  private static long version(JsonObject o) {
    return ConfigJson.longValue(o, "v", -1);
  }

  @Test
  void shouldReadBackWhatWasWritten() {
    ConfigFileStore files = new ConfigFileStore(root);

    files.write("topics", "{\"v\":1}");

    assertThat(files.path("topics")).isEqualTo(root.resolve("config").resolve("topics.json"));
    assertThat(files.read("topics", ConfigFileStoreTest::version)).contains(1L);
    assertThat(files.backupPath("topics")).doesNotExist();
  }

  @Test
  void shouldKeepThePreviousVersionAsBak() throws IOException {
    ConfigFileStore files = new ConfigFileStore(root);

    files.write("topics", "{\"v\":1}");
    files.write("topics", "{\"v\":2}");

    assertThat(Files.readString(files.path("topics"))).isEqualTo("{\"v\":2}");
    assertThat(Files.readString(files.backupPath("topics"))).isEqualTo("{\"v\":1}");
    try (var listing = Files.list(files.directory())) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("topics.json", "topics.json.bak");
    }
  }

  @Test
  void shouldFallBackToBakWhenTheMainFileIsTorn() throws IOException {
    ConfigFileStore files = new ConfigFileStore(root);
    files.write("topics", "{\"v\":1}");
    files.write("topics", "{\"v\":2}");

    Files.writeString(files.path("topics"), "{\"v\":", StandardCharsets.UTF_8);

    assertThat(files.read("topics", ConfigFileStoreTest::version)).contains(1L);
  }

  @Test
  void shouldFallBackToBakWhenTheMainFileIsMissingOrEmpty() throws IOException {
    ConfigFileStore files = new ConfigFileStore(root);
    files.write("offsets", "{\"v\":1}");
    files.write("offsets", "{\"v\":2}");

    Files.writeString(files.path("offsets"), "");
    assertThat(files.read("offsets", ConfigFileStoreTest::version)).contains(1L);

    Files.delete(files.path("offsets"));
    assertThat(files.read("offsets", ConfigFileStoreTest::version)).contains(1L);
  }

  @Test
  void shouldFallBackToBakWhenTheDecoderRejectsTheMainFile() throws IOException {
    ConfigFileStore files = new ConfigFileStore(root);
    files.write("g", "{\"v\":1}");
    files.write("g", "{\"v\":2}");
    Files.writeString(files.path("g"), "{\"v\":\"not a number\"}");

    assertThat(files.read("g", ConfigFileStoreTest::version)).contains(1L);
  }

  @Test
  void shouldReportNothingForAFreshStore() {
    assertThat(new ConfigFileStore(root).read("topics", ConfigFileStoreTest::version)).isEmpty();
  }

  @Test
  void shouldRefuseToStartEmptyWhenTheFileIsUnusableAndHasNoBackup() throws IOException {
    ConfigFileStore files = new ConfigFileStore(root);
    Files.createDirectories(files.directory());
    Files.writeString(files.path("topics"), "garbage");

    assertThatThrownBy(() -> files.read("topics", ConfigFileStoreTest::version))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("topics.json")
        .hasMessageContaining("no backup");

    Files.writeString(files.backupPath("topics"), "also garbage");
    assertThatThrownBy(() -> files.read("topics", ConfigFileStoreTest::version))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("topics.json.bak");
  }

  @Test
  void shouldReadRocketMqsPrettyPrintedFiles() {
    RocketMqConfigFixture.copyInto(root, "topics.json");

    Optional<Long> counter =
        new ConfigFileStore(root)
            .read(
                "topics",
                o -> ConfigJson.longValue(ConfigJson.object(o, "dataVersion"), "counter", -1));

    assertThat(counter).contains(2L);
  }
}
