package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * DescribeConfigs request (key 32, v1–4, reference §3.11, Appendix A.21).
 *
 * @param resources what to describe
 * @param includeSynonyms list synonyms
 * @param includeDocumentation v3+
 */
public record DescribeConfigsRequest(
    List<Resource> resources, boolean includeSynonyms, boolean includeDocumentation) {
  public DescribeConfigsRequest {
    resources = List.copyOf(resources);
  }

  /** Resource type TOPIC. */
  public static final byte TOPIC = 2;

  /** Resource type BROKER. */
  public static final byte BROKER = 4;

  /**
   * One resource.
   *
   * @param type 2 TOPIC, 4 BROKER, …
   * @param configurationKeys null = all
   */
  public record Resource(byte type, String name, List<String> configurationKeys) {
    public Resource {
      configurationKeys = configurationKeys == null ? null : List.copyOf(configurationKeys);
    }
  }
}
