package io.duetmq.namesrv.route;

/**
 * The version a broker stamps on its topic table; the broker bumps it whenever the table changes,
 * and the NameServer re-reads topic configs only when it differs from the one last registered.
 *
 * @param stateVersion the broker's state (epoch) version; a registration whose state version is
 *     older than the one already held for the same broker id is ignored
 * @param timestamp when the broker last changed its table (epoch millis)
 * @param counter bumped on every change
 */
public record DataVersion(long stateVersion, long timestamp, long counter) {

  /** What a registration without a body carries. */
  public static final DataVersion ZERO = new DataVersion(0, 0, 0);
}
