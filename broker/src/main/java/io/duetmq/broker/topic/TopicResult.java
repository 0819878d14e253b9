package io.duetmq.broker.topic;

import java.util.Objects;

/**
 * What a topic registry change did.
 *
 * @param status the outcome
 * @param config the topic's config after the call (or the deleted one); null when there is none
 * @param error the reason for a refusal, suitable as a response remark; null on success
 */
public record TopicResult(TopicStatus status, TopicConfig config, String error) {

  public TopicResult {
    Objects.requireNonNull(status, "status");
  }

  static TopicResult of(TopicStatus status, TopicConfig config) {
    return new TopicResult(status, config, null);
  }

  static TopicResult refused(TopicStatus status, String error) {
    return new TopicResult(status, null, error);
  }
}
