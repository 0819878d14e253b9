package io.duetmq.protocol.kafka.codec;

/**
 * Heartbeat request (key 12, v0–4, reference §3.7, Appendix A.10).
 *
 * @param groupInstanceId v3+, nullable
 */
public record HeartbeatRequest(
    String groupId, int generationId, String memberId, String groupInstanceId) {}
