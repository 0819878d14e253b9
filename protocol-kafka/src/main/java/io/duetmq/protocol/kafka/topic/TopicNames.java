package io.duetmq.protocol.kafka.topic;

/** Kafka's topic-name rules (reference §3.10). Stateless. */
public final class TopicNames {
  /** Longest legal name. */
  public static final int MAX_LENGTH = 249;

  private TopicNames() {}

  /** Why {@code name} is illegal in Kafka, or null if it is legal. */
  public static String invalidReason(String name) {
    if (name == null || name.isEmpty()) {
      return "Topic name is illegal, it can't be empty";
    }
    if (name.equals(".") || name.equals("..")) {
      return "Topic name cannot be \".\" or \"..\"";
    }
    if (name.length() > MAX_LENGTH) {
      return "Topic name "
          + name
          + " is illegal, it can't be longer than "
          + MAX_LENGTH
          + " characters, length: "
          + name.length();
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean legal =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!legal) {
        return "Topic name "
            + name
            + " is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and"
            + " '-'";
      }
    }
    return null;
  }
}
