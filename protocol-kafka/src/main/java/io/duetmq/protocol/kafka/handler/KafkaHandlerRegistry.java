package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps API keys to handlers and so defines what ApiVersions advertises: exactly the registered
 * handlers' ranges plus ApiVersions itself, whose handler the registry creates. A handler may only
 * claim versions its API's codec implements, and only for an API marked {@link ApiKeys#servable()}
 * (codec-only APIs are never advertised). Immutable and thread-safe.
 */
public final class KafkaHandlerRegistry {
  private final Map<Short, KafkaRequestHandler> byKey;
  private final List<ApiVersionRange> advertised;

  /** Registers {@code handlers} (at most one per key, none for ApiVersions) plus ApiVersions. */
  public KafkaHandlerRegistry(List<? extends KafkaRequestHandler> handlers) {
    Map<Short, KafkaRequestHandler> map = new HashMap<>();
    List<ApiVersionRange> ranges = new ArrayList<>();
    for (KafkaRequestHandler handler : handlers) {
      ApiVersionRange range = handler.versions();
      ApiKeys api =
          ApiKeys.forId(range.apiKey())
              .orElseThrow(
                  () -> new IllegalArgumentException("no codec for api key " + range.apiKey()));
      if (!api.servable()) {
        throw new IllegalArgumentException(
            api.wireName()
                + " (key "
                + api.id()
                + ") has a codec but is not marked servable in ApiKeys");
      }
      if (api == ApiKeys.API_VERSIONS || map.containsKey(range.apiKey())) {
        throw new IllegalArgumentException("api key registered twice: " + api);
      }
      if (!api.implemented().covers(range)) {
        throw new IllegalArgumentException(
            "handler range " + range + " exceeds the codec's " + api.implemented());
      }
      map.put(range.apiKey(), handler);
      ranges.add(range);
    }
    ranges.add(ApiKeys.API_VERSIONS.implemented());
    ranges.sort(Comparator.comparingInt(ApiVersionRange::apiKey));
    this.advertised = List.copyOf(ranges);
    map.put(ApiKeys.API_VERSIONS.id(), new ApiVersionsHandler(advertised));
    this.byKey = Map.copyOf(map);
  }

  /** The handler for {@code apiKey}, if one is registered. */
  public Optional<KafkaRequestHandler> handlerFor(short apiKey) {
    return Optional.ofNullable(byKey.get(apiKey));
  }

  /** The advertised ranges, sorted by key. */
  public List<ApiVersionRange> advertised() {
    return advertised;
  }
}
