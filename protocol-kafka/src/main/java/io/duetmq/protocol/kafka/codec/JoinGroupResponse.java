package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * JoinGroup response (key 11, v0–9, Appendix A.8). Null protocol type/name are written as "" in
 * versions where they are not nullable.
 *
 * @param protocolType v7+, nullable
 * @param protocolName nullable v7+
 * @param skipAssignment v9+
 * @param members filled for the leader only
 */
public record JoinGroupResponse(
    int throttleTimeMs,
    short errorCode,
    int generationId,
    String protocolType,
    String protocolName,
    String leader,
    boolean skipAssignment,
    String memberId,
    List<Member> members) {
  public JoinGroupResponse {
    members = List.copyOf(members);
  }

  /** An error answer: generation -1, no protocol, no leader, no members. */
  public static JoinGroupResponse error(ErrorCode error, String memberId) {
    return new JoinGroupResponse(0, error.code(), -1, null, null, "", false, memberId, List.of());
  }

  /**
   * A member as the leader sees it.
   *
   * @param groupInstanceId v5+, nullable
   * @param metadata the member's metadata for the chosen protocol
   */
  public record Member(String memberId, String groupInstanceId, byte[] metadata) {}
}
