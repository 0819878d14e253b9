package io.duetmq.namesrv.route;

import java.util.Objects;

/**
 * Outcome of {@link RouteTables#register}.
 *
 * @param status what happened
 * @param masterAddr for a slave, its live master's address; else null
 * @param haServerAddr for a slave, its live master's HA address; else null
 */
public record RegisterResult(RegisterStatus status, String masterAddr, String haServerAddr) {

  public RegisterResult {
    Objects.requireNonNull(status, "status");
  }

  static RegisterResult of(RegisterStatus status) {
    return new RegisterResult(status, null, null);
  }
}
