package io.duetmq.broker.config;

import java.time.Clock;

/**
 * The version stamp RocketMQ keeps with its topic and group tables ({@code
 * {"counter":N,"stateVersion":S,"timestamp":T}}). The NameServer compares it to decide whether a
 * broker's registration carries new topics, so it changes on every table change. Immutable.
 *
 * @param counter bumped by one on every change
 * @param stateVersion RocketMQ's controller-mode epoch; kept as read, 0 otherwise
 * @param timestamp wall-clock ms of the last change
 */
public record DataVersion(long counter, long stateVersion, long timestamp) {

  /** The version of a table that was never changed. */
  public static DataVersion initial(Clock clock) {
    return new DataVersion(0, 0, clock.millis());
  }

  /** The version after one more change. */
  public DataVersion next(Clock clock) {
    return new DataVersion(counter + 1, stateVersion, clock.millis());
  }
}
