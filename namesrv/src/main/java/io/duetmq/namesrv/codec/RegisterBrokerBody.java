package io.duetmq.namesrv.codec;

import io.duetmq.namesrv.route.DataVersion;
import io.duetmq.namesrv.route.TopicConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The decoded body of a REGISTER_BROKER request.
 *
 * @param dataVersion the version of the broker's topic table
 * @param topicConfigs topic name to config, copied
 * @param filterServerList the broker's filter servers (usually empty), copied
 */
public record RegisterBrokerBody(
    DataVersion dataVersion, Map<String, TopicConfig> topicConfigs, List<String> filterServerList) {

  /** What a registration without a body means: no topics, version zero. */
  public static final RegisterBrokerBody EMPTY =
      new RegisterBrokerBody(DataVersion.ZERO, Map.of(), List.of());

  public RegisterBrokerBody {
    Objects.requireNonNull(dataVersion, "dataVersion");
    topicConfigs = Map.copyOf(topicConfigs);
    filterServerList = List.copyOf(filterServerList);
  }
}
