package io.duetmq.compat.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command to completion within a time limit, killing it (and its children) when
 * the limit passes. Output goes to temporary files rather than pipes, so a chatty process can never
 * block on a full pipe while we wait for it.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProcessRunner {
  private ProcessRunner() {}

  /**
   * Runs {@code command} with standard input closed.
   *
   * @throws AssertionError when it does not finish within {@code timeout} (after killing it)
   */
  public static ProcessResult run(List<String> command, Duration timeout) {
    return run(command, null, Map.of(), Set.of(), timeout);
  }

  /**
   * Runs {@code command} with {@code stdin} (UTF-8) as its standard input, or with it closed when
   * {@code stdin} is null.
   *
   * @throws AssertionError when it does not finish within {@code timeout} (after killing it)
   */
  public static ProcessResult run(List<String> command, String stdin, Duration timeout) {
    return run(command, stdin, Map.of(), Set.of(), timeout);
  }

  /**
   * Runs {@code command} with standard input closed and its environment changed: {@code unset}
   * names are removed from the inherited environment, then {@code set} is added.
   *
   * @throws AssertionError when it does not finish within {@code timeout} (after killing it)
   */
  public static ProcessResult run(
      List<String> command, Map<String, String> set, Set<String> unset, Duration timeout) {
    return run(command, null, set, unset, timeout);
  }

  /**
   * Runs {@code command} with {@code stdin} (UTF-8, or closed when null) as its standard input and
   * its environment changed: {@code unset} names removed from the inherited one, then {@code set}
   * added.
   *
   * @throws AssertionError when it does not finish within {@code timeout} (after killing it)
   */
  public static ProcessResult run(
      List<String> command,
      String stdin,
      Map<String, String> set,
      Set<String> unset,
      Duration timeout) {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("duetmq-compat-process");
      Path out = scratch.resolve("stdout");
      Path err = scratch.resolve("stderr");
      File input = nullDevice();
      if (stdin != null) {
        Path in = scratch.resolve("stdin");
        Files.writeString(in, stdin, StandardCharsets.UTF_8);
        input = in.toFile();
      }
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(input))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().keySet().removeAll(unset);
      builder.environment().putAll(set);
      Process process = builder.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
      ProcessResult result =
          new ProcessResult(
              command,
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      if (!finished) {
        throw new AssertionError(
            "killed after " + timeout + " without finishing: " + result.describe());
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      deleteQuietly(scratch);
    }
  }

  /** The executable {@code name} on the PATH, if any (like {@code which}). */
  public static Optional<Path> findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir).resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static File nullDevice() {
    return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
  }

  private static void deleteQuietly(Path scratch) {
    if (scratch == null) {
      return;
    }
    try (var files = Files.list(scratch)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(scratch);
    } catch (IOException e) {
      // a leftover file in the temp directory is harmless; the result matters more
    }
  }
}
