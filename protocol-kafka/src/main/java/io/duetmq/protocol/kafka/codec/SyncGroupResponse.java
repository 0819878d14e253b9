package io.duetmq.protocol.kafka.codec;

/**
 * SyncGroup response (key 14, v0–5, Appendix A.9).
 *
 * @param protocolType v5+, nullable
 * @param protocolName v5+, nullable
 * @param assignment the member's assignment; empty on error
 */
public record SyncGroupResponse(
    int throttleTimeMs,
    short errorCode,
    String protocolType,
    String protocolName,
    byte[] assignment) {

  private static final byte[] NONE = new byte[0];

  public static SyncGroupResponse error(ErrorCode error) {
    return new SyncGroupResponse(0, error.code(), null, null, NONE);
  }
}
