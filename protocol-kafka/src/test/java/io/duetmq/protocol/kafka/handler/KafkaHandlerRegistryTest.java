package io.duetmq.protocol.kafka.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class KafkaHandlerRegistryTest {

  private static KafkaRequestHandler claiming(ApiVersionRange range) {
    return new KafkaRequestHandler() {
      @Override
      public ApiVersionRange versions() {
        return range;
      }

      @Override
      public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
        return CompletableFuture.completedFuture(KafkaResponse.none());
      }
    };
  }

  @Test
  void shouldAdvertiseApiVersionsAloneWhenNothingElseIsRegistered() {
    var registry = new KafkaHandlerRegistry(List.of());
    assertThat(registry.advertised()).containsExactly(ApiVersionRange.of(18, 0, 4));
    assertThat(registry.handlerFor((short) 18)).get().isInstanceOf(ApiVersionsHandler.class);
    assertThat(registry.handlerFor((short) 3)).isEmpty();
  }

  @Test
  void shouldAdvertiseRegisteredRangesSortedByKey() {
    var registry = new KafkaHandlerRegistry(List.of(claiming(ApiVersionRange.of(3, 1, 12))));
    assertThat(registry.advertised())
        .containsExactly(ApiVersionRange.of(3, 1, 12), ApiVersionRange.of(18, 0, 4));
  }

  @Test
  void shouldRefuseHandlersClaimingMoreThanTheCodecImplements() {
    assertThatThrownBy(
            () -> new KafkaHandlerRegistry(List.of(claiming(ApiVersionRange.of(3, 0, 14)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds the codec");
    assertThatThrownBy(
            () -> new KafkaHandlerRegistry(List.of(claiming(ApiVersionRange.of(8, 2, 9)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no codec for api key 8");
  }

  @Test
  void shouldAcceptAHandlerForEveryServableApiAndAdvertiseIt() {
    // every API with a codec is served since the Kafka head issue; the registry still refuses
    // codec-only APIs (servable=false) should one be added again
    List<KafkaRequestHandler> handlers = new java.util.ArrayList<>();
    for (ApiKeys api : ApiKeys.values()) {
      assertThat(api.servable()).as(api.wireName()).isTrue();
      if (api != ApiKeys.API_VERSIONS) {
        handlers.add(claiming(api.implemented()));
      }
    }
    assertThat(new KafkaHandlerRegistry(handlers).advertised()).hasSize(ApiKeys.values().length);
  }

  @Test
  void shouldRefuseTwoHandlersForOneKey() {
    var range = ApiVersionRange.of(3, 0, 13);
    assertThatThrownBy(() -> new KafkaHandlerRegistry(List.of(claiming(range), claiming(range))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("registered twice");
    assertThatThrownBy(
            () -> new KafkaHandlerRegistry(List.of(claiming(ApiVersionRange.of(18, 0, 4)))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
