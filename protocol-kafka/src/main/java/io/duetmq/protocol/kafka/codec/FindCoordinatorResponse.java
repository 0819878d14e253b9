package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * FindCoordinator response (key 10, v0–6, Appendix A.7). v0–3 encode only the first coordinator, in
 * the top-level fields.
 *
 * @param throttleTimeMs v1+
 * @param coordinators one per requested key, in request order
 */
public record FindCoordinatorResponse(int throttleTimeMs, List<Coordinator> coordinators) {
  public FindCoordinatorResponse {
    coordinators = List.copyOf(coordinators);
  }

  /**
   * The coordinator for one key; on error node id -1, host "" and port -1.
   *
   * @param errorMessage nullable
   */
  public record Coordinator(
      String key, int nodeId, String host, int port, short errorCode, String errorMessage) {}
}
