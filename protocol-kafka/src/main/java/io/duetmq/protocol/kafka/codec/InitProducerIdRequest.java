package io.duetmq.protocol.kafka.codec;

/**
 * InitProducerId request (key 22, v0–5, reference §3.14, Appendix A.25).
 *
 * @param transactionalId null for an idempotent (non-transactional) producer
 * @param transactionTimeoutMs transaction timeout
 * @param producerId v3+; -1 for a fresh init, else the current id (epoch bump)
 * @param producerEpoch v3+; -1 for a fresh init
 */
public record InitProducerIdRequest(
    String transactionalId, int transactionTimeoutMs, long producerId, short producerEpoch) {

  /** True for a first init (no current producer id / epoch). */
  public boolean isFreshInit() {
    return producerId == -1 && producerEpoch == -1;
  }
}
