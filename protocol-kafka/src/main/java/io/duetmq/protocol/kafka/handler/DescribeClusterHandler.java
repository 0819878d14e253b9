package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.DescribeClusterCodec;
import io.duetmq.protocol.kafka.codec.DescribeClusterRequest;
import io.duetmq.protocol.kafka.codec.DescribeClusterResponse;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.MetadataResponse;
import io.duetmq.protocol.kafka.topic.BrokerIdentity;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * DescribeCluster (key 60), v0–2 (reference §3.12): this broker is the only one and the controller.
 * Asking a broker for controllers answers MISMATCHED_ENDPOINT_TYPE, an unknown endpoint type
 * UNSUPPORTED_ENDPOINT_TYPE. Thread-safe.
 */
public final class DescribeClusterHandler implements KafkaRequestHandler {
  private static final byte BROKERS = 1;
  private static final byte CONTROLLERS = 2;

  private final Supplier<BrokerIdentity> identity;

  public DescribeClusterHandler(Supplier<BrokerIdentity> identity) {
    this.identity = identity;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.DESCRIBE_CLUSTER.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    DescribeClusterRequest decoded =
        DescribeClusterCodec.decodeRequest(request.reader(), request.apiVersion());
    BrokerIdentity self = identity.get();
    ErrorCode error =
        decoded.endpointType() == BROKERS
            ? ErrorCode.NONE
            : decoded.endpointType() == CONTROLLERS
                ? ErrorCode.MISMATCHED_ENDPOINT_TYPE
                : ErrorCode.UNSUPPORTED_ENDPOINT_TYPE;
    List<DescribeClusterResponse.Broker> brokers =
        error == ErrorCode.NONE
            ? List.of(
                new DescribeClusterResponse.Broker(
                    self.nodeId(), self.host(), self.port(), self.rack(), false))
            : List.of();
    DescribeClusterResponse response =
        new DescribeClusterResponse(
            0,
            error.code(),
            error == ErrorCode.NONE ? null : "endpoint type " + decoded.endpointType(),
            decoded.endpointType(),
            self.clusterId(),
            self.nodeId(),
            brokers,
            MetadataResponse.OPERATIONS_OMITTED);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> DescribeClusterCodec.encodeResponse(w, response, v)));
  }
}
