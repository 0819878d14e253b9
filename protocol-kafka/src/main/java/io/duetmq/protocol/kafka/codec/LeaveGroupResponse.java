package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * LeaveGroup response (key 13, v0–5, Appendix A.11). v0–2 carry only the top-level error code.
 *
 * @param members v3+, one per requested member
 */
public record LeaveGroupResponse(int throttleTimeMs, short errorCode, List<MemberResult> members) {
  public LeaveGroupResponse {
    members = List.copyOf(members);
  }

  /** One member's outcome. */
  public record MemberResult(String memberId, String groupInstanceId, short errorCode) {}
}
