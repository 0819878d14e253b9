package io.duetmq.namesrv.route;

import java.util.List;
import java.util.Optional;

/**
 * Read-only view of the NameServer's route tables, for the standalone launcher and (through the
 * cluster-info extension) the Kafka head. Every method returns an immutable snapshot.
 *
 * <p>Thread-safety: all methods are thread-safe.
 */
public interface Routes {

  /** The route of {@code topic}, or empty when no live broker group serves it. */
  Optional<TopicRouteData> topicRoute(String topic);

  /** Every broker group and cluster. */
  ClusterInfo clusterInfo();

  /** Every topic some broker group serves, sorted. */
  List<String> topics();

  /** Live brokers, sorted by address. */
  List<BrokerLiveInfo> liveBrokers();

  /**
   * DuetMQ extension: the Kafka listener address the broker at {@code brokerAddr} published when it
   * registered, or empty when it is not live or published none.
   */
  Optional<String> kafkaAddress(String brokerAddr);
}
