package io.duetmq.compat.harness;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the build put the compiled scenarios and the per-version classpath files. */
final class HarnessPaths {
  private HarnessPaths() {}

  /** The directory (or jar) holding the compiled test classes, scenarios included. */
  static Path testClasses() {
    try {
      return Path.of(Scenario.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the compiled scenarios", e);
    }
  }

  /** {@code target/clients}: one folder per client version, written by the nested build. */
  static Path clientsDir() {
    return testClasses().getParent().resolve("clients");
  }

  /** Where the code of an already loaded class comes from, e.g. AssertJ's jar. */
  static Path codeSourceOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the code of " + type.getName(), e);
    }
  }
}
