package io.duetmq.compat.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Entry point of a forked scenario JVM (see {@link ForkedClient#runScenario}): {@code ScenarioMain
 * <scenario class> <result file> [key=value ...]}. Writes the scenario's observations, or its
 * failure, to the result file as properties; exit code 0 on success, 1 on failure.
 */
public final class ScenarioMain {
  static final String RESULT_PREFIX = "result.";
  static final String FAILURE_MESSAGE = "failure.message";
  static final String FAILURE_STACK = "failure.stack";

  private ScenarioMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: ScenarioMain <scenario class> <result file> [key=value ...]");
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("parameter '" + args[i] + "' is not key=value");
      }
      params.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    Properties out = new Properties();
    int exitCode = 0;
    try {
      Scenario scenario =
          Class.forName(args[0]).asSubclass(Scenario.class).getDeclaredConstructor().newInstance();
      scenario.run(Map.copyOf(params)).forEach((k, v) -> out.setProperty(RESULT_PREFIX + k, v));
    } catch (Throwable failure) {
      failure.printStackTrace();
      out.setProperty(
          FAILURE_MESSAGE,
          failure.getMessage() == null ? failure.toString() : failure.getMessage());
      StringWriter stack = new StringWriter();
      failure.printStackTrace(new PrintWriter(stack));
      out.setProperty(FAILURE_STACK, stack.toString());
      exitCode = 1;
    }
    try (OutputStream file = Files.newOutputStream(Path.of(args[1]))) {
      out.store(file, null);
    }
    // The scenario's clients may have left non-daemon threads behind; the verdict is written.
    System.exit(exitCode);
  }
}
