package io.duetmq.broker.topic;

/** The outcome of a topic registry change. */
public enum TopicStatus {
  /** A new topic was stored. */
  CREATED,
  /** An existing topic's settings changed. */
  UPDATED,
  /** The topic already existed with these settings; nothing was written. */
  UNCHANGED,
  /** The topic was removed. */
  DELETED,
  /** The name breaks the topic-name rule (INVALID_PARAMETER). */
  INVALID_NAME,
  /** The name is a system topic's; admin requests may not create, change or delete it. */
  SYSTEM_TOPIC,
  /** The topic does not exist and may not be auto-created (TOPIC_NOT_EXIST). */
  TOPIC_NOT_EXIST;

  /** Whether the topic exists (with the result's config) after the call. */
  public boolean hasTopic() {
    return this == CREATED || this == UPDATED || this == UNCHANGED;
  }
}
