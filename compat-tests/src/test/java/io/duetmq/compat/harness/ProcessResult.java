package io.duetmq.compat.harness;

import java.util.List;

/**
 * How an external process ended.
 *
 * @param command the command line that ran
 * @param exitCode the process's exit code
 * @param stdout everything it wrote to standard output (UTF-8)
 * @param stderr everything it wrote to standard error (UTF-8)
 */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {
  public ProcessResult {
    command = List.copyOf(command);
  }

  /** A one-glance description for assertion messages. */
  public String describe() {
    return String.join(" ", command)
        + " exited with "
        + exitCode
        + "\n--- stdout ---\n"
        + stdout
        + "\n--- stderr ---\n"
        + stderr;
  }
}
