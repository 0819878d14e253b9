package io.duetmq.compat.harness;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Runs one client version in a JVM of its own ({@code java} from {@code java.home}), with only that
 * version's jars on the class path: command-line tools through their real main class (mqadmin may
 * call System.exit), and scenarios that must be killable. Costs a JVM start (about a second).
 *
 * <p>Immutable and thread-safe.
 */
public final class ForkedClient {
  /** Shared with the fork so that scenarios can use the same assertion libraries. */
  private static final List<Class<?>> SHARED_LIBRARIES =
      List.of(
          org.assertj.core.api.Assertions.class,
          org.opentest4j.AssertionFailedError.class,
          org.awaitility.Awaitility.class,
          org.hamcrest.Matcher.class);

  private static final List<String> JVM_OPTIONS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final ClientVersion version;
  private final Map<String, String> environment;
  private final Set<String> unsetEnvironment;
  private final Map<String, String> systemProperties;

  private ForkedClient(
      ClientVersion version,
      Map<String, String> environment,
      Set<String> unsetEnvironment,
      Map<String, String> systemProperties) {
    this.version = version;
    this.environment = Map.copyOf(environment);
    this.unsetEnvironment = Set.copyOf(unsetEnvironment);
    this.systemProperties = Map.copyOf(systemProperties);
  }

  public static ForkedClient of(ClientVersion version) {
    return new ForkedClient(version, Map.of(), Set.of(), Map.of());
  }

  /**
   * The same client whose forks get {@code variables} added to the inherited environment and {@code
   * unset} removed from it (e.g. {@code NAMESRV_ADDR}, which RocketMQ clients read).
   */
  public ForkedClient withEnvironment(Map<String, String> variables, Set<String> unset) {
    return new ForkedClient(version, variables, unset, systemProperties);
  }

  /** The same client whose forks start with {@code -Dkey=value} for each entry. */
  public ForkedClient withSystemProperties(Map<String, String> properties) {
    return new ForkedClient(version, environment, unsetEnvironment, properties);
  }

  /** Runs {@code mainClass} from the version's own jars, e.g. mqadmin's {@code MQAdminStartup}. */
  public ProcessResult runMain(String mainClass, List<String> args, Duration timeout) {
    return ProcessRunner.run(
        javaCommand(version.classpath(), mainClass, args), environment, unsetEnvironment, timeout);
  }

  /** Like {@link #runMain(String, List, Duration)}, feeding {@code stdin} (UTF-8) to the tool. */
  public ProcessResult runMain(
      String mainClass, List<String> args, String stdin, Duration timeout) {
    return ProcessRunner.run(javaCommand(version.classpath(), mainClass, args), stdin, timeout);
  }

  /**
   * Runs a scenario in a fresh JVM over the version's jars, the compiled scenarios and the
   * assertion libraries; the time limit kills it.
   *
   * @return the scenario's observations
   * @throws AssertionError carrying the scenario's failure message (and the fork's output)
   */
  public Map<String, String> runScenario(
      Class<? extends Scenario> scenario, Map<String, String> params, Duration timeout) {
    List<Path> classpath = new ArrayList<>(version.classpath());
    classpath.add(HarnessPaths.testClasses());
    SHARED_LIBRARIES.forEach(type -> classpath.add(HarnessPaths.codeSourceOf(type)));
    Path resultFile = null;
    try {
      resultFile = Files.createTempFile("duetmq-compat-scenario", ".properties");
      List<String> args = new ArrayList<>();
      args.add(scenario.getName());
      args.add(resultFile.toString());
      params.forEach((k, v) -> args.add(k + "=" + v));
      ProcessResult process =
          ProcessRunner.run(
              javaCommand(classpath, ScenarioMain.class.getName(), args),
              environment,
              unsetEnvironment,
              timeout);
      return readResult(scenario.getSimpleName() + " on " + version.folder(), resultFile, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot exchange results with a forked scenario", e);
    } finally {
      deleteQuietly(resultFile);
    }
  }

  private static Map<String, String> readResult(String label, Path file, ProcessResult process)
      throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    }
    String failure = properties.getProperty(ScenarioMain.FAILURE_MESSAGE);
    if (failure != null) {
      throw new AssertionError(
          failure
              + "\n("
              + label
              + ", forked)\n"
              + properties.getProperty(ScenarioMain.FAILURE_STACK));
    }
    if (process.exitCode() != 0) {
      throw new AssertionError(label + " left no verdict: " + process.describe());
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(ScenarioMain.RESULT_PREFIX)) {
        result.put(key.substring(ScenarioMain.RESULT_PREFIX.length()), properties.getProperty(key));
      }
    }
    return Map.copyOf(result);
  }

  private List<String> javaCommand(List<Path> classpath, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temp file is harmless
    }
  }
}
