package io.duetmq.protocol.kafka.codec;

import java.util.List;

/** ListGroups response (key 16, v0–5, Appendix A.14). */
public record ListGroupsResponse(int throttleTimeMs, short errorCode, List<Group> groups) {
  public ListGroupsResponse {
    groups = List.copyOf(groups);
  }

  /**
   * One listed group.
   *
   * @param groupState v4+ ("Empty", "Stable", ...)
   * @param groupType v5+ ("classic")
   */
  public record Group(String groupId, String protocolType, String groupState, String groupType) {}
}
