package io.duetmq.protocol.kafka.topic;

import java.util.Objects;

/**
 * Who this broker is in Kafka metadata: node id, the address clients reach it at, and the cluster
 * id. With a single broker it is also the controller and the leader of every partition. Immutable.
 *
 * @param nodeId stable broker id (≥ 0)
 * @param host advertised host
 * @param port advertised port; 0 = the port the listener was bound to (resolved at start)
 * @param rack nullable rack
 * @param clusterId any stable string
 */
public record BrokerIdentity(int nodeId, String host, int port, String rack, String clusterId) {
  public BrokerIdentity {
    if (nodeId < 0) {
      throw new IllegalArgumentException("node id must be >= 0, got " + nodeId);
    }
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clusterId, "clusterId");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** The same identity advertising {@code boundPort}. */
  public BrokerIdentity withPort(int boundPort) {
    return new BrokerIdentity(nodeId, host, boundPort, rack, clusterId);
  }
}
