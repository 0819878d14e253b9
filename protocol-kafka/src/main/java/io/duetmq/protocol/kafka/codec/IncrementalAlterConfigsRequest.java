package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * IncrementalAlterConfigs request (key 44, v0–1, reference §3.11, Appendix A.22).
 *
 * @param resources what to change
 * @param validateOnly check only, change nothing
 */
public record IncrementalAlterConfigsRequest(List<Resource> resources, boolean validateOnly) {
  public IncrementalAlterConfigsRequest {
    resources = List.copyOf(resources);
  }

  /** One resource (type 2 TOPIC, 4 BROKER, …) and its changes. */
  public record Resource(byte type, String name, List<Change> configs) {
    public Resource {
      configs = List.copyOf(configs);
    }
  }

  /**
   * One change.
   *
   * @param operation 0 SET, 1 DELETE, 2 APPEND, 3 SUBTRACT
   * @param value nullable
   */
  public record Change(String name, byte operation, String value) {}
}
