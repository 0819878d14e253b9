package io.duetmq.benchmarks.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary store directories for benchmarks. */
final class BenchmarkFiles {
  private BenchmarkFiles() {}

  static Path newTempDir(String prefix) throws IOException {
    return Files.createTempDirectory(prefix);
  }

  static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
