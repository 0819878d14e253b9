package io.duetmq.protocol.kafka.codec;

/**
 * InitProducerId response (key 22, v0–5, reference §3.14, Appendix A.25).
 *
 * @param throttleTimeMs quota throttle
 * @param errorCode error code
 * @param producerId the allocated id, -1 on error
 * @param producerEpoch the epoch, -1 on error
 */
public record InitProducerIdResponse(
    int throttleTimeMs, short errorCode, long producerId, short producerEpoch) {

  /** A successful answer. */
  public static InitProducerIdResponse of(long producerId, short producerEpoch) {
    return new InitProducerIdResponse(0, ErrorCode.NONE.code(), producerId, producerEpoch);
  }

  /** A failed answer (id and epoch -1). */
  public static InitProducerIdResponse failed(ErrorCode error) {
    return new InitProducerIdResponse(0, error.code(), -1, (short) -1);
  }
}
