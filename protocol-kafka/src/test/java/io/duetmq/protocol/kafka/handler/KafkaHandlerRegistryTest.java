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
  void shouldRefuseHandlersForApisThatOnlyHaveACodec() {
    for (ApiKeys api : List.of(ApiKeys.PRODUCE, ApiKeys.FETCH, ApiKeys.LIST_OFFSETS)) {
      assertThat(api.servable()).as(api.wireName()).isFalse();
      assertThatThrownBy(() -> new KafkaHandlerRegistry(List.of(claiming(api.implemented()))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not marked servable");
    }
    assertThatThrownBy(
            () ->
                new KafkaHandlerRegistry(List.of(claiming(ApiKeys.INIT_PRODUCER_ID.implemented()))))
        .hasMessageContaining("InitProducerId (key 22)");
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
