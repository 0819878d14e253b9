package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * DescribeConfigs response (key 32, v1–4, reference §3.11, Appendix A.21).
 *
 * @param throttleTimeMs quota throttle
 * @param results one per requested resource
 */
public record DescribeConfigsResponse(int throttleTimeMs, List<Result> results) {
  public DescribeConfigsResponse {
    results = List.copyOf(results);
  }

  /** ConfigSource TOPIC_CONFIG: a per-topic override. */
  public static final byte SOURCE_TOPIC_CONFIG = 1;

  /** ConfigSource STATIC_BROKER_CONFIG. */
  public static final byte SOURCE_STATIC_BROKER_CONFIG = 4;

  /** ConfigSource DEFAULT_CONFIG. */
  public static final byte SOURCE_DEFAULT_CONFIG = 5;

  /**
   * The result for one resource.
   *
   * @param errorMessage nullable
   */
  public record Result(
      short errorCode,
      String errorMessage,
      byte resourceType,
      String resourceName,
      List<Config> configs) {
    public Result {
      configs = List.copyOf(configs);
    }
  }

  /**
   * One config entry.
   *
   * @param value nullable (sensitive values are null)
   * @param configSource see {@link #SOURCE_TOPIC_CONFIG} and friends
   * @param configType v3+, Kafka's ConfigType
   * @param documentation v3+, nullable
   */
  public record Config(
      String name,
      String value,
      boolean readOnly,
      byte configSource,
      boolean isSensitive,
      List<Synonym> synonyms,
      byte configType,
      String documentation) {
    public Config {
      synonyms = List.copyOf(synonyms);
    }
  }

  /**
   * A synonym of a config entry (v1+).
   *
   * @param value nullable
   */
  public record Synonym(String name, String value, byte source) {}
}
