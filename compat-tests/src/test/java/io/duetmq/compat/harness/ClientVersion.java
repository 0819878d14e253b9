package io.duetmq.compat.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The client-library versions under test. Each constant matches a project under {@code
 * compat-tests/clients/} whose runtime tree the build writes to {@code
 * target/clients/<folder>/classpath.txt}.
 *
 * <p>{@code -Dcompat.clients=kafka-clients-2.8.2,rocketmq-client-4.9.8} (folder names) limits the
 * versions that {@link #selected(String)} offers to tests; unset means all.
 */
public enum ClientVersion {
  KAFKA_2_8("kafka-clients", "2.8.2"),
  KAFKA_3_9("kafka-clients", "3.9.1"),
  KAFKA_4_1("kafka-clients", "4.1.1"),
  KAFKA_TOOLS_4_1("kafka-tools", "4.1.1"),
  KAFKA_CORE_4_1("kafka_2.13", "4.1.1"),
  ROCKETMQ_4_9("rocketmq-client", "4.9.8"),
  ROCKETMQ_5_3("rocketmq-client", "5.3.3"),
  ROCKETMQ_TOOLS_5_3("rocketmq-tools", "5.3.3");

  /** System property naming the versions to run (comma-separated folder names). */
  public static final String SELECTION_PROPERTY = "compat.clients";

  private final String artifact;
  private final String version;

  ClientVersion(String artifact, String version) {
    this.artifact = artifact;
    this.version = version;
  }

  /** The Maven artifactId, e.g. {@code kafka-clients}. */
  public String artifact() {
    return artifact;
  }

  /** The library version, e.g. {@code 2.8.2}. */
  public String version() {
    return version;
  }

  /** {@code <artifact>-<version>}: the folder under {@code target/clients}. */
  public String folder() {
    return artifact + "-" + version;
  }

  /** The version's runtime jars in Maven's order; fails when the build has not resolved them. */
  public List<Path> classpath() {
    Path file = HarnessPaths.clientsDir().resolve(folder()).resolve("classpath.txt");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "no classpath file "
              + file
              + "; run 'mvn -pl compat-tests generate-test-resources' to resolve "
              + folder());
    }
    try {
      String line = Files.readString(file, StandardCharsets.UTF_8).trim();
      return Arrays.stream(line.split(File.pathSeparator))
          .filter(entry -> !entry.isBlank())
          .map(Path::of)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The versions of one artifact that this run should test (see {@link #SELECTION_PROPERTY}). */
  public static Stream<ClientVersion> selected(String artifact) {
    String selection = System.getProperty(SELECTION_PROPERTY, "").trim();
    Set<String> wanted =
        Arrays.stream(selection.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
    return Arrays.stream(values())
        .filter(v -> v.artifact.equals(artifact))
        .filter(v -> wanted.isEmpty() || wanted.contains(v.folder()));
  }

  @Override
  public String toString() {
    return folder();
  }
}
