package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * IncrementalAlterConfigs response (key 44, v0–1, reference §3.11, Appendix A.22).
 *
 * @param throttleTimeMs quota throttle
 * @param responses one per requested resource
 */
public record IncrementalAlterConfigsResponse(int throttleTimeMs, List<Result> responses) {
  public IncrementalAlterConfigsResponse {
    responses = List.copyOf(responses);
  }

  /**
   * The result for one resource.
   *
   * @param errorMessage nullable
   */
  public record Result(
      short errorCode, String errorMessage, byte resourceType, String resourceName) {}
}
