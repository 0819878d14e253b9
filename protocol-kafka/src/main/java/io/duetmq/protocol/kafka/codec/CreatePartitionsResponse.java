package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * CreatePartitions response (key 37, v0–3, reference §3.10, Appendix A.20).
 *
 * @param throttleTimeMs quota throttle
 * @param results one per requested topic
 */
public record CreatePartitionsResponse(int throttleTimeMs, List<Result> results) {
  public CreatePartitionsResponse {
    results = List.copyOf(results);
  }

  /**
   * The result for one topic.
   *
   * @param errorMessage nullable
   */
  public record Result(String name, short errorCode, String errorMessage) {}
}
