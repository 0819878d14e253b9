package io.duetmq.protocol.kafka.codec;

import java.util.List;
import java.util.UUID;

/**
 * DeleteTopics response (key 20, v1–6, reference §3.10, Appendix A.19).
 *
 * @param throttleTimeMs quota throttle
 * @param responses one result per requested topic
 */
public record DeleteTopicsResponse(int throttleTimeMs, List<Result> responses) {
  public DeleteTopicsResponse {
    responses = List.copyOf(responses);
  }

  /**
   * The result for one topic.
   *
   * @param name nullable in v6+
   * @param topicId v6+
   * @param errorMessage v5+, nullable
   */
  public record Result(String name, UUID topicId, short errorCode, String errorMessage) {
    public Result {
      topicId = topicId == null ? MetadataResponse.ZERO_UUID : topicId;
    }
  }
}
