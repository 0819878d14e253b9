package io.duetmq.store.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyIndexTest {

  static final long T0 = 1_700_000_000_000L;
  static final IndexConfig TINY = new IndexConfig(16, 64);
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC);
  static final long ALL = Long.MAX_VALUE;

  @TempDir Path dir;

  @Test
  void shouldReturnTheOffsetsPutForAKeyNewestFirst() {
    try (KeyIndex index = KeyIndex.open(dir, TINY, CLOCK)) {
      assertThat(index.put("T#a", 100, T0)).isTrue();
      index.put("T#b", 200, T0);
      index.put("T#a", 300, T0 + 1_000);

      assertThat(index.query("T#a", 64, 0, ALL)).containsExactly(300L, 100L);
      assertThat(index.query("T#b", 64, 0, ALL)).containsExactly(200L);
      assertThat(index.query("T#missing", 64, 0, ALL)).isEmpty();
      assertThat(index.endCommitLogOffset()).isEqualTo(300);
      assertThat(index.endTimestamp()).isEqualTo(T0 + 1_000);
    }
  }

  @Test
  void shouldIndexEveryKeyOfARecordAtTheSameOffset() {
    try (KeyIndex index = KeyIndex.open(dir, TINY, CLOCK)) {
      assertThat(index.put("T#uniq-1", 100, T0)).isTrue();
      assertThat(index.put("T#k1", 100, T0)).isTrue();
      assertThat(index.put("T#k2", 100, T0)).isTrue();
      assertThat(index.put("T#k1", 100, T0)).isTrue(); // KEYS "k1 k1": same key twice

      assertThat(index.query("T#uniq-1", 64, 0, ALL)).containsExactly(100L);
      assertThat(index.query("T#k1", 64, 0, ALL)).containsExactly(100L);
      assertThat(index.query("T#k2", 64, 0, ALL)).containsExactly(100L);
    }
  }

  @Test
  void shouldReturnEveryTrueMatchNewestFirstWhenManyKeysShareSixteenSlots() {
    Map<String, List<Long>> expected = new HashMap<>();
    try (KeyIndex index = KeyIndex.open(dir, new IndexConfig(16, 1024), CLOCK)) {
      long offset = 0;
      for (int round = 0; round < 5; round++) {
        for (int k = 0; k < 100; k++) {
          String key = "T#key-" + k;
          offset += 10;
          index.put(key, offset, T0);
          expected.computeIfAbsent(key, x -> new ArrayList<>()).add(0, offset);
        }
      }
      for (Map.Entry<String, List<Long>> e : expected.entrySet()) {
        List<Long> result = index.query(e.getKey(), 64, 0, ALL);
        assertThat(result).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(result).containsSubsequence(e.getValue());
        // anything else must be a hash collision the caller filters out
        for (long extra : result) {
          if (!e.getValue().contains(extra)) {
            String owner = "T#key-" + ((extra / 10 - 1) % 100);
            assertThat(IndexFileDescriptor.keyHash(owner))
                .isEqualTo(IndexFileDescriptor.keyHash(e.getKey()));
          }
        }
      }
    }
  }

  @Test
  void shouldReturnBothKeysOfAnExactHashCollision() {
    assertThat("T#Aa".hashCode()).isEqualTo("T#BB".hashCode());
    try (KeyIndex index = KeyIndex.open(dir, TINY, CLOCK)) {
      index.put("T#Aa", 10, T0);
      index.put("T#BB", 20, T0);
      assertThat(index.query("T#Aa", 64, 0, ALL)).containsExactly(20L, 10L);
    }
  }

  @Test
  void shouldStopAtMaxNum() {
    try (KeyIndex index = KeyIndex.open(dir, TINY, CLOCK)) {
      for (int i = 1; i <= 150; i++) {
        index.put("T#hot", i, T0);
      }
      assertThat(index.fileCount()).isEqualTo(3);
      assertThat(index.query("T#hot", 5, 0, ALL)).containsExactly(150L, 149L, 148L, 147L, 146L);
      assertThat(index.query("T#hot", 100, 0, ALL)).hasSize(100).startsWith(150L).endsWith(51L);
      assertThatThrownBy(() -> index.query("T#hot", 0, 0, ALL)).hasMessageContaining("maxNum");
    }
  }

  @Test
  void shouldFilterByStoreTimeInWholeSeconds() {
    try (KeyIndex index = KeyIndex.open(dir, TINY, CLOCK)) {
      for (int s = 0; s < 10; s++) {
        index.put("T#k", 100 + s, T0 + s * 1_000L);
      }
      assertThat(index.query("T#k", 64, T0 + 3_000, T0 + 5_000)).containsExactly(105L, 104L, 103L);
      assertThat(index.query("T#k", 64, T0 + 9_000, ALL)).containsExactly(109L);
      assertThat(index.query("T#k", 64, 0, T0 - 1)).isEmpty();
      assertThat(index.query("T#k", 64, T0 + 5_000, T0 + 3_000)).isEmpty();
    }
  }

  @Test
  void shouldNotMissAnEntryStoredBetweenSecondBoundaries() {
    try (KeyIndex index = KeyIndex.open(dir, TINY, CLOCK)) {
      index.put("T#k", 100, T0);
      index.put("T#k", 200, T0 + 2_700);
      assertThat(index.query("T#k", 64, T0 + 2_600, T0 + 2_800)).containsExactly(200L);
    }
  }

  @Test
  void shouldIgnoreOffsetsBelowTheIndexedEndButAcceptTheEndItself() {
    try (KeyIndex index = KeyIndex.open(dir, TINY, CLOCK)) {
      index.put("T#a", 100, T0);
      index.put("T#a", 200, T0);
      assertThat(index.put("T#a", 100, T0)).isFalse();
      assertThat(index.put("T#b", 200, T0)).isTrue();
      assertThat(index.query("T#a", 64, 0, ALL)).containsExactly(200L, 100L);
      assertThat(index.query("T#b", 64, 0, ALL)).containsExactly(200L);
    }
  }

  @Test
  void shouldRollToANewFileWhenFullAndQueryAcrossFiles() {
    try (KeyIndex index = KeyIndex.open(dir, TINY, CLOCK)) {
      List<Long> expected = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        long offset = 1_000 + i * 10L;
        index.put(i % 20 == 0 ? "T#rare" : "T#other-" + (i % 7), offset, T0 + i * 1_000L);
        if (i % 20 == 0) {
          expected.add(0, offset);
        }
      }
      // 63 usable entries per file
      assertThat(index.fileCount()).isEqualTo(4);
      assertThat(index.query("T#rare", 64, 0, ALL)).containsExactlyElementsOf(expected);
      assertThat(index.query("T#other-6", 1, T0 + 62_000, T0 + 62_000)).containsExactly(1_620L);
      assertThat(index.endCommitLogOffset()).isEqualTo(1_000 + 199 * 10L);
    }
    assertThat(indexFileNames())
        .containsExactly(
            IndexFileNames.format(T0, ZoneId.systemDefault()),
            IndexFileNames.format(T0 + 1, ZoneId.systemDefault()),
            IndexFileNames.format(T0 + 2, ZoneId.systemDefault()),
            IndexFileNames.format(T0 + 3, ZoneId.systemDefault()));
    List<IndexFile> files =
        indexFileNames().stream().map(n -> IndexFile.open(dir.resolve(n), TINY)).toList();
    assertThat(files.get(0).beginPhyOffset()).isEqualTo(1_000);
    assertThat(files.get(0).beginTimestamp()).isEqualTo(T0);
    // 63 entries (i = 0..62) in the first file; each next file begins where the previous one ended
    assertThat(files.get(0).endPhyOffset()).isEqualTo(1_620);
    for (int i = 1; i < files.size(); i++) {
      assertThat(files.get(i).beginPhyOffset()).isEqualTo(files.get(i - 1).endPhyOffset());
      assertThat(files.get(i).beginTimestamp()).isEqualTo(files.get(i - 1).endTimestamp());
    }
  }

  @Test
  void shouldAnswerTheSameAfterReopen() {
    List<List<Long>> before = new ArrayList<>();
    try (KeyIndex index = KeyIndex.open(dir, TINY, CLOCK)) {
      for (int i = 0; i < 300; i++) {
        index.put("T#k" + (i % 13), i * 7L, T0 + i * 500L);
      }
      for (int k = 0; k < 13; k++) {
        before.add(index.query("T#k" + k, 64, T0 + 20_000, T0 + 120_000));
      }
    }
    try (KeyIndex reopened = KeyIndex.open(dir, TINY, CLOCK)) {
      assertThat(reopened.fileCount()).isEqualTo(5);
      assertThat(reopened.endCommitLogOffset()).isEqualTo(299 * 7L);
      for (int k = 0; k < 13; k++) {
        assertThat(reopened.query("T#k" + k, 64, T0 + 20_000, T0 + 120_000))
            .isNotEmpty()
            .isEqualTo(before.get(k));
      }
      reopened.put("T#k0", 5_000, T0 + 200_000);
      assertThat(reopened.query("T#k0", 1, 0, ALL)).containsExactly(5_000L);
    }
  }

  @Test
  void shouldNameNewFilesAfterTheNewestEvenWhenTheClockStepsBack() {
    Clock earlier = Clock.fixed(Instant.ofEpochMilli(T0 - 3_600_000), ZoneOffset.UTC);
    try (KeyIndex index = KeyIndex.open(dir, new IndexConfig(4, 2), CLOCK)) {
      index.put("T#a", 1, T0);
    }
    try (KeyIndex index = KeyIndex.open(dir, new IndexConfig(4, 2), earlier)) {
      index.put("T#a", 2, T0);
    }
    assertThat(indexFileNames())
        .containsExactly(
            IndexFileNames.format(T0, ZoneId.systemDefault()),
            IndexFileNames.format(T0 + 1, ZoneId.systemDefault()));
  }

  @Test
  void shouldRejectUseAfterClose() {
    KeyIndex index = KeyIndex.open(dir, TINY, CLOCK);
    index.put("T#a", 1, T0);
    index.close();
    index.close();
    assertThatThrownBy(() -> index.put("T#a", 2, T0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.query("T#a", 1, 0, ALL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private List<String> indexFileNames() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
