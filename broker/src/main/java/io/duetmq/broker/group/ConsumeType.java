package io.duetmq.broker.group;

/** How a consumer fetches: by its own pulls or by a push consumer's long polls. */
public enum ConsumeType {
  /** Pull and lite-pull consumers (RocketMQ's {@code CONSUME_ACTIVELY}). */
  PULL("CONSUME_ACTIVELY"),
  /** Push consumers (RocketMQ's {@code CONSUME_PASSIVELY}). */
  PUSH("CONSUME_PASSIVELY");

  private final String wireName;

  ConsumeType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in RocketMQ heartbeats and connection lists. */
  public String wireName() {
    return wireName;
  }

  /** Parses RocketMQ's name ({@code CONSUME_ACTIVELY} / {@code CONSUME_PASSIVELY}) or ours. */
  public static ConsumeType fromWireName(String name) {
    for (ConsumeType type : values()) {
      if (type.wireName.equals(name) || type.name().equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown consumeType '" + name + "'");
  }
}
