package io.duetmq.namesrv.route;

/** Outcome of {@link RouteTables#register}. */
public enum RegisterStatus {
  /** The broker is (still) registered; its topics were merged. */
  REGISTERED,
  /**
   * Another address holds the same broker id with a newer state version; this registration was
   * ignored (RocketMQ answers SUCCESS without a master address).
   */
  IGNORED_STALE,
  /**
   * A single-topic (incremental) registration from a broker id not registered yet: refused, the
   * broker must register fully first (answered SYSTEM_ERROR "register broker failed").
   */
  REFUSED_UNKNOWN_BROKER
}
