package io.duetmq.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFileTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final IndexConfig SMALL = new IndexConfig(16, 8);

  @TempDir Path dir;

  @Test
  void shouldLayOutHeaderSlotsAndEntriesAsRocketMqIndexFile() throws IOException {
    Path path = dir.resolve("f");
    IndexFile file = IndexFile.create(path, SMALL, T0, 100);
    file.put("T#k", 100, T0 + 2_500);
    file.put("T#k", 200, T0 + 5_000);
    file.close();

    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path));
    assertThat(bytes.capacity()).isEqualTo(40 + 16 * 4 + 8 * 20);
    assertThat(bytes.getLong(0)).isEqualTo(T0);
    assertThat(bytes.getLong(8)).isEqualTo(T0 + 5_000);
    assertThat(bytes.getLong(16)).isEqualTo(100);
    assertThat(bytes.getLong(24)).isEqualTo(200);
    assertThat(bytes.getInt(32)).isEqualTo(1);
    assertThat(bytes.getInt(36)).isEqualTo(3);
    int hash = Math.abs("T#k".hashCode());
    assertThat(bytes.getInt(40 + (hash % 16) * 4)).isEqualTo(2);
    int entry1 = 40 + 16 * 4 + 20;
    assertThat(bytes.getInt(entry1)).isEqualTo(hash);
    assertThat(bytes.getLong(entry1 + 4)).isEqualTo(100);
    assertThat(bytes.getInt(entry1 + 12)).isEqualTo(2);
    assertThat(bytes.getInt(entry1 + 16)).isZero();
    int entry2 = entry1 + 20;
    assertThat(bytes.getInt(entry2)).isEqualTo(hash);
    assertThat(bytes.getLong(entry2 + 4)).isEqualTo(200);
    assertThat(bytes.getInt(entry2 + 12)).isEqualTo(5);
    assertThat(bytes.getInt(entry2 + 16)).isEqualTo(1);
  }

  @Test
  void shouldRefusePutsOnceFull() {
    IndexFile file = IndexFile.create(dir.resolve("f"), new IndexConfig(4, 3), T0, 0);
    assertThat(file.put("a", 1, T0)).isTrue();
    assertThat(file.isFull()).isFalse();
    assertThat(file.put("b", 2, T0)).isTrue();
    assertThat(file.isFull()).isTrue();
    assertThat(file.put("c", 3, T0)).isFalse();
    assertThat(file.indexCount()).isEqualTo(3);
    assertThat(file.endPhyOffset()).isEqualTo(2);
  }

  @Test
  void shouldSkipEntriesOfOtherHashesSharingTheSlot() {
    IndexFile file = IndexFile.create(dir.resolve("f"), new IndexConfig(1, 16), T0, 0);
    file.put("x", 10, T0);
    file.put("y", 20, T0);
    file.put("x", 30, T0);
    List<Long> out = new ArrayList<>();
    file.query("x", 10, 0, Long.MAX_VALUE, out);
    assertThat(out).containsExactly(30L, 10L);
  }

  @Test
  void shouldClampTimeDiffOfAStoreTimeBeforeTheFileBegin() {
    IndexFile file = IndexFile.create(dir.resolve("f"), SMALL, T0, 0);
    file.put("k", 5, T0 - 10_000);
    assertThat(file.endTimestamp()).isEqualTo(T0);
    List<Long> out = new ArrayList<>();
    file.query("k", 10, T0, T0, out);
    assertThat(out).containsExactly(5L);
  }

  @Test
  void shouldStopWalkingAtDamagedSlotsAndChains() throws IOException {
    Path path = dir.resolve("f");
    IndexFile created = IndexFile.create(path, SMALL, T0, 0);
    created.put("k", 1, T0);
    created.put("k", 2, T0);
    created.close();
    int slot = 40 + (Math.abs("k".hashCode()) % 16) * 4;
    int entry1Previous = 40 + 16 * 4 + 20 + 16;
    // entry 1 now points "back" to entry 2, a cycle a naive walk would never leave
    writeInt(path, entry1Previous, 2);
    IndexFile cyclic = IndexFile.open(path, SMALL);
    List<Long> out = new ArrayList<>();
    cyclic.query("k", 100, 0, Long.MAX_VALUE, out);
    assertThat(out).containsExactly(2L, 1L);

    // a slot pointing past indexCount (header page lost in a crash) is treated as empty
    writeInt(path, slot, 7);
    IndexFile stale = IndexFile.open(path, SMALL);
    out.clear();
    stale.query("k", 100, 0, Long.MAX_VALUE, out);
    assertThat(out).isEmpty();
    assertThat(stale.put("k", 3, T0)).isTrue();
    stale.query("k", 100, 0, Long.MAX_VALUE, out);
    assertThat(out).containsExactly(3L);
  }

  @Test
  void shouldReportInconsistentHeaders() throws IOException {
    Path path = dir.resolve("f");
    IndexFile.create(path, SMALL, T0, 100).close();
    assertThat(IndexFile.inspect(path, SMALL)).isEmpty();
    assertThat(IndexFile.inspect(path, new IndexConfig(32, 8))).get().asString().contains("length");

    writeInt(path, 36, 0);
    assertThat(IndexFile.inspect(path, SMALL)).get().asString().contains("indexCount 0");
    writeInt(path, 36, 9);
    assertThat(IndexFile.inspect(path, SMALL)).get().asString().contains("indexCount 9");
    writeInt(path, 36, 1);
    writeInt(path, 32, -1);
    assertThat(IndexFile.inspect(path, SMALL)).get().asString().contains("hashSlotCount -1");
    writeInt(path, 32, 0);
    writeLong(path, 24, 99);
    assertThat(IndexFile.inspect(path, SMALL)).get().asString().contains("end 99");
    writeLong(path, 24, 100);
    writeLong(path, 8, T0 - 1);
    assertThat(IndexFile.inspect(path, SMALL)).get().asString().contains("timestamps");
  }

  static void writeInt(Path path, int position, int value) throws IOException {
    write(path, position, ByteBuffer.allocate(4).putInt(0, value));
  }

  static void writeLong(Path path, int position, long value) throws IOException {
    write(path, position, ByteBuffer.allocate(8).putLong(0, value));
  }

  private static void write(Path path, int position, ByteBuffer bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      while (bytes.hasRemaining()) {
        channel.write(bytes, position + bytes.position());
      }
    }
  }
}
