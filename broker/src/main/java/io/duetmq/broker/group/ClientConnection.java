package io.duetmq.broker.group;

/**
 * A client's connection as the engine sees it; the protocol head implements it over its channel
 * (the engine never sees Netty). Registries key clients by connection identity, so an
 * implementation must keep {@link Object#equals} and {@link Object#hashCode} of {@code Object}.
 *
 * <p>Thread-safety: implementations must be thread-safe; any registry thread may call them.
 */
public interface ClientConnection {
  /** A short identifier for logs (e.g. the channel id). */
  String id();

  /** The peer's address as {@code host:port}. */
  String remoteAddress();

  /** The client's language as it declared it (e.g. {@code JAVA}). */
  String language();

  /** The client's protocol version as it declared it (e.g. 479 for 5.3.3). */
  int version();

  /** Whether the connection is still open. */
  boolean isActive();

  /**
   * Tells the client that the membership of {@code group} changed so that it rebalances now
   * (RocketMQ's oneway NOTIFY_CONSUMER_IDS_CHANGED). Must not block; failures are the
   * implementation's to log.
   */
  void notifyConsumerIdsChanged(String group);
}
