package io.duetmq.broker.topic;

/**
 * Told after a topic change has been persisted, on the thread that made it (e.g. to send an
 * incremental REGISTER_BROKER). Must not block and must not call back into the registry's mutating
 * methods.
 */
public interface TopicChangeListener {
  /** A topic was created or its settings changed. */
  void onTopicChanged(TopicConfig config);

  /** A topic was deleted. */
  default void onTopicDeleted(String topic) {}
}
