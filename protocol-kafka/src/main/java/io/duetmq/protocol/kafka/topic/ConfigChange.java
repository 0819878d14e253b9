package io.duetmq.protocol.kafka.topic;

/**
 * One change of IncrementalAlterConfigs.
 *
 * @param name config name
 * @param operation what to do
 * @param value the value (null for DELETE)
 */
public record ConfigChange(String name, Operation operation, String value) {

  /** Kafka's {@code ConfigOperation} (wire values 0–3). */
  public enum Operation {
    SET,
    DELETE,
    APPEND,
    SUBTRACT;

    /** The operation for a wire value, or null if unknown. */
    public static Operation forId(byte id) {
      return id >= 0 && id < values().length ? values()[id] : null;
    }
  }
}
