package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * LeaveGroup request (key 13, v0–5, reference §3.7, Appendix A.11). v0–2 name one member, which the
 * codec turns into a one-element {@link #members()} without instance id.
 */
public record LeaveGroupRequest(String groupId, List<Member> members) {
  public LeaveGroupRequest {
    members = List.copyOf(members);
  }

  /**
   * A leaving member.
   *
   * @param memberId "" with an instance id removes that static member
   * @param groupInstanceId nullable
   * @param reason v5+, nullable
   */
  public record Member(String memberId, String groupInstanceId, String reason) {}
}
