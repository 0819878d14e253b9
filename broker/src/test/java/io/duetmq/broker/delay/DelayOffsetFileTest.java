package io.duetmq.broker.delay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelayOffsetFileTest {
  @TempDir Path dir;

  @Test
  void shouldWriteRocketMqsShapeAndReadItBack() throws IOException {
    DelayOffsetFile file = new DelayOffsetFile(DelayOffsetFile.defaultPath(dir));
    file.save(Map.of(2, 5L, 1, 0L, 18, 123_456_789_012L));
    assertThat(Files.readString(dir.resolve("config/delayOffset.json")))
        .isEqualTo("{\"offsetTable\":{1:0,2:5,18:123456789012}}");
    assertThat(file.load())
        .containsExactly(Map.entry(1, 0L), Map.entry(2, 5L), Map.entry(18, 123_456_789_012L));
  }

  @Test
  void shouldReadAPrettyPrintedFileWithQuotedKeysAndExtraFields() throws IOException {
    Path path = DelayOffsetFile.defaultPath(dir);
    Files.createDirectories(path.getParent());
    Files.writeString(
        path,
        "{\n\t\"dataVersion\":{\"counter\":3,\"timestamp\":1},\n\t\"offsetTable\":{\n\t\t\"1\":7,\n\t\t3:9\n\t}\n}");
    assertThat(new DelayOffsetFile(path).load())
        .containsExactly(Map.entry(1, 7L), Map.entry(3, 9L));
  }

  @Test
  void shouldKeepThePreviousVersionAsBackupAndFallBackToIt() throws IOException {
    Path path = DelayOffsetFile.defaultPath(dir);
    DelayOffsetFile file = new DelayOffsetFile(path);
    file.save(Map.of(1, 1L));
    file.save(Map.of(1, 2L));
    assertThat(Files.readString(dir.resolve("config/delayOffset.json.bak")))
        .isEqualTo("{\"offsetTable\":{1:1}}");
    assertThat(Files.exists(dir.resolve("config/delayOffset.json.tmp"))).isFalse();

    Files.writeString(path, "{\"offsetTable\":{1:"); // torn
    assertThat(file.load()).containsExactly(Map.entry(1, 1L));
    Files.delete(path); // crash between the two renames
    assertThat(file.load()).containsExactly(Map.entry(1, 1L));
  }

  @Test
  void shouldStartEmptyWithoutFiles() {
    assertThat(new DelayOffsetFile(DelayOffsetFile.defaultPath(dir)).load()).isEmpty();
  }
}
