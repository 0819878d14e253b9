package io.duetmq.protocol.kafka.codec;

/**
 * DescribeCluster request (key 60, v0–2, reference §3.12, Appendix A.23).
 *
 * @param includeClusterAuthorizedOperations ask for the authorized operations
 * @param endpointType v1+; 1 brokers (default), 2 controllers
 * @param includeFencedBrokers v2+
 */
public record DescribeClusterRequest(
    boolean includeClusterAuthorizedOperations, byte endpointType, boolean includeFencedBrokers) {}
