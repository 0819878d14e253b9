package io.duetmq.store.index;

import static io.duetmq.store.index.KeyIndexTest.ALL;
import static io.duetmq.store.index.KeyIndexTest.CLOCK;
import static io.duetmq.store.index.KeyIndexTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyIndexRecoveryTest {

  /** 9 usable entries per file. */
  private static final IndexConfig CONFIG = new IndexConfig(4, 10);

  @TempDir Path dir;

  private final Logger logger = Logger.getLogger(KeyIndex.class.getName());
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureWarnings() {
    logger.addHandler(capture);
  }

  @AfterEach
  void releaseWarnings() {
    logger.removeHandler(capture);
  }

  /**
   * Writes 27 records (3 full files), record i at offset 100 * (i + 1), key T#k(i % 3), one second
   * apart.
   */
  private void writeThreeFiles() {
    try (KeyIndex index = KeyIndex.open(dir, CONFIG, CLOCK)) {
      for (int i = 0; i < 27; i++) {
        index.put("T#k" + (i % 3), 100L * (i + 1), T0 + i * 1_000L);
      }
      assertThat(index.fileCount()).isEqualTo(3);
    }
  }

  @Test
  void shouldDropAFileWithACorruptedHeaderAndEveryNewerFileOnOpen() throws IOException {
    writeThreeFiles();
    List<Path> files = indexFiles();
    IndexFileTest.writeInt(files.get(1), 36, CONFIG.maxIndexCount() + 5);

    try (KeyIndex index = KeyIndex.open(dir, CONFIG, CLOCK)) {
      assertThat(index.fileCount()).isEqualTo(1);
      assertThat(index.endCommitLogOffset()).isEqualTo(900);
      assertThat(index.query("T#k0", 64, 0, ALL)).containsExactly(700L, 400L, 100L);
    }
    assertThat(indexFiles()).containsExactly(files.get(0));
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0).getParameters()).contains(files.get(1));
    assertThat(warnings.get(0).getParameters()[1].toString()).contains("indexCount 15");
    assertThat(warnings.get(1).getParameters()).contains(files.get(2));
  }

  @Test
  void shouldDropAFileWhoseEndOffsetIsBelowItsBegin() throws IOException {
    writeThreeFiles();
    List<Path> files = indexFiles();
    IndexFileTest.writeLong(files.get(2), 24, 0);

    try (KeyIndex index = KeyIndex.open(dir, CONFIG, CLOCK)) {
      assertThat(index.fileCount()).isEqualTo(2);
      assertThat(index.endCommitLogOffset()).isEqualTo(1_800);
      // re-dispatching from the end rebuilds the dropped range
      for (int i = 17; i < 27; i++) {
        index.put("T#k" + (i % 3), 100L * (i + 1), T0 + i * 1_000L);
      }
      assertThat(index.query("T#k2", 64, 0, ALL))
          .containsExactly(2_700L, 2_400L, 2_100L, 1_800L, 1_500L, 1_200L, 900L, 600L, 300L);
    }
    assertThat(warnings)
        .singleElement()
        .extracting(r -> r.getParameters()[0])
        .isEqualTo(files.get(2));
  }

  @Test
  void shouldDropFilesOfAnotherGeometryAndIgnoreForeignFiles() throws IOException {
    writeThreeFiles();
    Files.writeString(dir.resolve("notes.txt"), "not an index file");
    try (KeyIndex index = KeyIndex.open(dir, new IndexConfig(8, 10), CLOCK)) {
      assertThat(index.fileCount()).isZero();
      assertThat(index.endCommitLogOffset()).isZero();
    }
    assertThat(warnings).hasSize(3);
    assertThat(dir.resolve("notes.txt")).exists();
  }

  @Test
  void shouldTruncateFilesReachingTheOffsetAndReturnWhereToReindex() throws IOException {
    writeThreeFiles();
    try (KeyIndex index = KeyIndex.open(dir, CONFIG, CLOCK)) {
      assertThat(index.truncateFrom(5_000)).isEqualTo(5_000);
      assertThat(index.fileCount()).isEqualTo(3);

      // file 3 holds 1900..2700 and begins at file 2's end, 1800
      assertThat(index.truncateFrom(2_000)).isEqualTo(1_800);
      assertThat(index.fileCount()).isEqualTo(2);
      assertThat(index.endCommitLogOffset()).isEqualTo(1_800);
      assertThat(indexFiles()).hasSize(2);

      // file 2 ends exactly at 1800, so it may reference records from 1800 on
      assertThat(index.truncateFrom(1_800)).isEqualTo(900);
      assertThat(index.fileCount()).isEqualTo(1);

      for (int i = 8; i < 27; i++) {
        index.put("T#k" + (i % 3), 100L * (i + 1), T0 + i * 1_000L);
      }
      assertThat(index.query("T#k2", 64, 0, ALL))
          .containsExactly(2_700L, 2_400L, 2_100L, 1_800L, 1_500L, 1_200L, 900L, 600L, 300L);

      assertThat(index.truncateFrom(0)).isZero();
      assertThat(index.fileCount()).isZero();
      assertThat(index.endCommitLogOffset()).isZero();
    }
  }

  @Test
  void shouldDeleteFilesBelowTheRetainedOffsetButNeverTheNewest() throws IOException {
    writeThreeFiles();
    try (KeyIndex index = KeyIndex.open(dir, CONFIG, CLOCK)) {
      assertThat(index.deleteFilesBelow(900)).isZero();
      assertThat(index.deleteFilesBelow(901)).isEqualTo(1);
      assertThat(index.fileCount()).isEqualTo(2);
      assertThat(index.query("T#k0", 64, 0, ALL)).doesNotContain(100L, 400L, 700L).contains(1_000L);

      assertThat(index.deleteFilesBelow(Long.MAX_VALUE)).isEqualTo(1);
      assertThat(index.fileCount()).isEqualTo(1);
      assertThat(index.endCommitLogOffset()).isEqualTo(2_700);
      assertThat(indexFiles()).hasSize(1);
    }
    assertThat(warnings).isEmpty();
  }

  private List<Path> indexFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return new ArrayList<>(files.filter(p -> !p.toString().endsWith(".txt")).sorted().toList());
    }
  }
}
