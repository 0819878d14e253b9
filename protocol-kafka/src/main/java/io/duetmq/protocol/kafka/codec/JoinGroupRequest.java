package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * JoinGroup request (key 11, v0–9, reference §3.7, Appendix A.8).
 *
 * @param rebalanceTimeoutMs v1+; the codec uses the session timeout for v0
 * @param memberId "" for a new member
 * @param groupInstanceId v5+, nullable (static membership)
 * @param protocols in the member's order of preference
 * @param reason v8+, nullable
 */
public record JoinGroupRequest(
    String groupId,
    int sessionTimeoutMs,
    int rebalanceTimeoutMs,
    String memberId,
    String groupInstanceId,
    String protocolType,
    List<Protocol> protocols,
    String reason) {
  public JoinGroupRequest {
    protocols = List.copyOf(protocols);
  }

  /**
   * One supported protocol (assignor) and the member's metadata for it (opaque bytes).
   *
   * @param metadata owned by the record; not copied
   */
  public record Protocol(String name, byte[] metadata) {}
}
