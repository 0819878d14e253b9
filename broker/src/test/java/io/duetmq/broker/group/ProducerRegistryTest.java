package io.duetmq.broker.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.config.MutableClock;
import org.junit.jupiter.api.Test;

class ProducerRegistryTest {
  private final MutableClock clock = new MutableClock(0);
  private final ProducerRegistry registry = new ProducerRegistry(clock, 120_000);

  @Test
  void shouldTrackProducerGroupsByConnection() {
    FakeConnection a = new FakeConnection("a");
    FakeConnection b = new FakeConnection("b");

    assertThat(registry.register("pg", "c2", b)).isTrue();
    assertThat(registry.register("pg", "c1", a)).isTrue();
    assertThat(registry.register("pg", "c1", a)).isFalse();
    registry.register("CLIENT_INNER_PRODUCER", "c1", a);

    assertThat(registry.clients("pg")).extracting(ClientInfo::clientId).containsExactly("c1", "c2");
    assertThat(registry.groups()).containsExactly("CLIENT_INNER_PRODUCER", "pg");
    b.active = false;
    assertThat(registry.activeConnections("pg")).containsExactly(a);
  }

  @Test
  void shouldDropClosedUnregisteredAndSilentProducers() {
    FakeConnection a = new FakeConnection("a");
    FakeConnection b = new FakeConnection("b");
    FakeConnection c = new FakeConnection("c");
    registry.register("pg", "a", a);
    registry.register("pg", "b", b);
    registry.register("other", "a", a);
    clock.advance(60_000);
    registry.register("pg", "c", c);

    assertThat(registry.onConnectionClosed(a)).containsExactlyInAnyOrder("pg", "other");
    assertThat(registry.unregister("pg", "b")).isTrue();
    clock.advance(120_001);
    assertThat(registry.scanExpired()).extracting(ClientInfo::clientId).containsExactly("c");

    assertThat(registry.clients("pg")).isEmpty();
    assertThat(registry.groups()).isEmpty();
  }
}
