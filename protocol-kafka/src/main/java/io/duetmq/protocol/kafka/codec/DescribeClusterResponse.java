package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * DescribeCluster response (key 60, v0–2, reference §3.12, Appendix A.23).
 *
 * @param errorMessage nullable
 * @param endpointType v1+
 * @param clusterAuthorizedOperations {@link MetadataResponse#OPERATIONS_OMITTED} when not asked
 */
public record DescribeClusterResponse(
    int throttleTimeMs,
    short errorCode,
    String errorMessage,
    byte endpointType,
    String clusterId,
    int controllerId,
    List<Broker> brokers,
    int clusterAuthorizedOperations) {
  public DescribeClusterResponse {
    brokers = List.copyOf(brokers);
  }

  /**
   * One broker.
   *
   * @param rack nullable
   * @param isFenced v2+
   */
  public record Broker(int brokerId, String host, int port, String rack, boolean isFenced) {}
}
