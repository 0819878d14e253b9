package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.DescribeConfigsResponse;
import io.duetmq.protocol.kafka.topic.TopicConfigKeys;
import io.duetmq.protocol.kafka.topic.TopicInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A topic's configs as DescribeConfigs and CreateTopics (v5+) list them. Stateless. */
final class TopicConfigEntries {
  private TopicConfigEntries() {}

  /**
   * Every known config of {@code topic} (or only {@code names}, when not null) with its effective
   * value and its source: TOPIC_CONFIG for an override, DEFAULT_CONFIG otherwise.
   */
  static List<DescribeConfigsResponse.Config> of(
      TopicInfo topic, Collection<String> names, boolean includeSynonyms) {
    List<DescribeConfigsResponse.Config> configs = new ArrayList<>();
    for (TopicConfigKeys.Key key : TopicConfigKeys.all()) {
      if (names != null && !names.contains(key.name())) {
        continue;
      }
      String override = topic.configs().get(key.name());
      byte source =
          override != null
              ? DescribeConfigsResponse.SOURCE_TOPIC_CONFIG
              : DescribeConfigsResponse.SOURCE_DEFAULT_CONFIG;
      String value = override != null ? override : key.defaultValue();
      List<DescribeConfigsResponse.Synonym> synonyms =
          includeSynonyms
              ? List.of(new DescribeConfigsResponse.Synonym(key.name(), value, source))
              : List.of();
      configs.add(
          new DescribeConfigsResponse.Config(
              key.name(), value, false, source, false, synonyms, key.type().id(), null));
    }
    return configs;
  }
}
