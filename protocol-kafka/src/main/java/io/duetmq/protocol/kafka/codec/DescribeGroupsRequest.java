package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * DescribeGroups request (key 15, v0–6, reference §3.9, Appendix A.15).
 *
 * @param includeAuthorizedOperations v3+
 */
public record DescribeGroupsRequest(List<String> groups, boolean includeAuthorizedOperations) {
  public DescribeGroupsRequest {
    groups = List.copyOf(groups);
  }
}
