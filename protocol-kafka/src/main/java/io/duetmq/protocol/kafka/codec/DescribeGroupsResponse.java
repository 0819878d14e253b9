package io.duetmq.protocol.kafka.codec;

import java.util.List;

/** DescribeGroups response (key 15, v0–6, Appendix A.15). */
public record DescribeGroupsResponse(int throttleTimeMs, List<Group> groups) {
  /** Authorized operations not requested or not known. */
  public static final int NO_OPERATIONS = Integer.MIN_VALUE;

  public DescribeGroupsResponse {
    groups = List.copyOf(groups);
  }

  /**
   * One described group.
   *
   * @param errorMessage v6+, nullable
   * @param protocolData the chosen protocol name (Stable only, else "")
   * @param authorizedOperations v3+
   */
  public record Group(
      short errorCode,
      String errorMessage,
      String groupId,
      String groupState,
      String protocolType,
      String protocolData,
      List<Member> members,
      int authorizedOperations) {
    public Group {
      members = List.copyOf(members);
    }
  }

  /**
   * One member.
   *
   * @param groupInstanceId v4+, nullable
   * @param memberMetadata empty unless Stable
   * @param memberAssignment empty unless Stable
   */
  public record Member(
      String memberId,
      String groupInstanceId,
      String clientId,
      String clientHost,
      byte[] memberMetadata,
      byte[] memberAssignment) {}
}
