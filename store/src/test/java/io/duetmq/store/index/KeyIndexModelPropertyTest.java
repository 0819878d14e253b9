package io.duetmq.store.index;

import static io.duetmq.store.index.KeyIndexTest.CLOCK;
import static io.duetmq.store.index.KeyIndexTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The index answers exactly like a list of all puts filtered by key hash and time (second-aligned
 * ranges).
 */
class KeyIndexModelPropertyTest {

  /** Two keys with equal hash codes and more keys than slots, so chains mix keys. */
  private static final List<String> KEYS =
      List.of("T#Aa", "T#BB", "T#a", "T#b", "T#c", "T#d", "T#e");

  /** 4 slots, 7 usable entries per file: sequences of up to 120 puts span many files. */
  private static final IndexConfig CONFIG = new IndexConfig(4, 8);

  record Put(int key, int offsetStep, int secondStep) {}

  record Query(int key, int maxNum, int fromSecond, int seconds) {}

  record Stored(String key, long offset, long timestamp) {}

  @Provide
  Arbitrary<List<Put>> puts() {
    return Combinators.combine(
            Arbitraries.integers().between(0, KEYS.size() - 1),
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 2))
        .as(Put::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(120);
  }

  @Provide
  Arbitrary<List<Query>> queries() {
    return Combinators.combine(
            Arbitraries.integers().between(0, KEYS.size() - 1),
            Arbitraries.integers().between(1, 20),
            Arbitraries.integers().between(-5, 250),
            Arbitraries.integers().between(0, 300))
        .as(Query::new)
        .list()
        .ofSize(10);
  }

  @Property(tries = 60)
  void queriesMatchAModelOfAllPuts(
      @ForAll("puts") List<Put> puts,
      @ForAll("queries") List<Query> queries,
      @ForAll @IntRange(min = 0, max = 120) int reopenAfter)
      throws IOException {
    Path dir = Files.createTempDirectory("key-index-prop");
    try {
      List<Stored> stored = new ArrayList<>();
      long offset = 0;
      long timestamp = T0;
      KeyIndex index = KeyIndex.open(dir, CONFIG, CLOCK);
      for (int i = 0; i < puts.size(); i++) {
        if (i == reopenAfter) {
          index.close();
          index = KeyIndex.open(dir, CONFIG, CLOCK);
        }
        Put put = puts.get(i);
        offset += put.offsetStep();
        timestamp += put.secondStep() * 1_000L;
        String key = KEYS.get(put.key());
        assertThat(index.put(key, offset, timestamp)).isTrue();
        stored.add(new Stored(key, offset, timestamp));
      }
      for (Query query : queries) {
        long begin = T0 + query.fromSecond() * 1_000L;
        long end = begin + query.seconds() * 1_000L;
        String key = KEYS.get(query.key());
        assertThat(index.query(key, query.maxNum(), begin, end))
            .as("%s in [%d, %d]", query, begin, end)
            .isEqualTo(expected(stored, key, query.maxNum(), begin, end));
      }
      index.close();
    } finally {
      deleteRecursively(dir);
    }
  }

  private static List<Long> expected(
      List<Stored> stored, String key, int maxNum, long begin, long end) {
    int hash = IndexFileDescriptor.keyHash(key);
    List<Long> out = new ArrayList<>();
    for (int i = stored.size() - 1; i >= 0 && out.size() < maxNum; i--) {
      Stored s = stored.get(i);
      boolean matches =
          IndexFileDescriptor.keyHash(s.key()) == hash
              && s.timestamp() >= begin
              && s.timestamp() <= end;
      if (matches && (out.isEmpty() || out.get(out.size() - 1) != s.offset())) {
        out.add(s.offset());
      }
    }
    return out;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
