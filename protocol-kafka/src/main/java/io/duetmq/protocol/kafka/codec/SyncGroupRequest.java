package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * SyncGroup request (key 14, v0–5, reference §3.7, Appendix A.9).
 *
 * @param groupInstanceId v3+, nullable
 * @param protocolType v5+, nullable
 * @param protocolName v5+, nullable
 * @param assignments sent by the leader only
 */
public record SyncGroupRequest(
    String groupId,
    int generationId,
    String memberId,
    String groupInstanceId,
    String protocolType,
    String protocolName,
    List<Assignment> assignments) {
  public SyncGroupRequest {
    assignments = List.copyOf(assignments);
  }

  /** One member's assignment (opaque bytes, not copied). */
  public record Assignment(String memberId, byte[] assignment) {}
}
