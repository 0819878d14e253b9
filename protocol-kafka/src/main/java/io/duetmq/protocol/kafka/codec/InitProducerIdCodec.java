package io.duetmq.protocol.kafka.codec;

/**
 * Decodes InitProducerId (key 22) requests and encodes responses, v0–5 (flexible from v2). Request
 * encoding exists for tests and tools. Headers are not included. v6 (two-phase commit, unstable in
 * Kafka 4.1) is not implemented.
 *
 * <p>Stateless and thread-safe.
 */
public final class InitProducerIdCodec {
  private InitProducerIdCodec() {}

  public static InitProducerIdRequest decodeRequest(KafkaReader reader, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.INIT_PRODUCER_ID.isFlexible(version);
    String transactionalId = reader.readNullableString(flexible);
    int timeoutMs = reader.readInt32();
    long producerId = version >= 3 ? reader.readInt64() : -1;
    short producerEpoch = version >= 3 ? reader.readInt16() : -1;
    if (flexible) {
      reader.skipTaggedFields();
    }
    return new InitProducerIdRequest(transactionalId, timeoutMs, producerId, producerEpoch);
  }

  public static void encodeRequest(
      KafkaWriter writer, InitProducerIdRequest request, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.INIT_PRODUCER_ID.isFlexible(version);
    writer.writeNullableString(request.transactionalId(), flexible);
    writer.writeInt32(request.transactionTimeoutMs());
    if (version >= 3) {
      writer.writeInt64(request.producerId()).writeInt16(request.producerEpoch());
    }
    if (flexible) {
      writer.writeEmptyTaggedFields();
    }
  }

  public static void encodeResponse(
      KafkaWriter writer, InitProducerIdResponse response, short version) {
    checkVersion(version);
    boolean flexible = ApiKeys.INIT_PRODUCER_ID.isFlexible(version);
    writer.writeInt32(response.throttleTimeMs()).writeInt16(response.errorCode());
    writer.writeInt64(response.producerId()).writeInt16(response.producerEpoch());
    if (flexible) {
      writer.writeEmptyTaggedFields();
    }
  }

  private static void checkVersion(short version) {
    if (!ApiKeys.INIT_PRODUCER_ID.isImplemented(version)) {
      throw new KafkaCodecException("unsupported InitProducerId version " + version);
    }
  }
}
