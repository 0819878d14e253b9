package io.duetmq.protocol.kafka.codec;

/**
 * Bad input on the wire (truncated, oversized or malformed) or a value that cannot be encoded in
 * the requested version. The message always carries the offending values. Unchecked: a connection
 * that produces one is closed; the server keeps running.
 */
public final class KafkaCodecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KafkaCodecException(String message) {
    super(message);
  }
}
