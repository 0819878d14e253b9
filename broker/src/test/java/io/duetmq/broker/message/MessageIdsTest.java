package io.duetmq.broker.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duetmq.broker.config.MutableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

  @Test
  void shouldEncodeAKnownIpv4OffsetId() {
    InetSocketAddress host = new InetSocketAddress("127.0.0.1", 10911);
    String id = MessageIds.offsetId(host, 0x1234L);
    assertThat(id).isEqualTo("7F00000100002A9F0000000000001234");
    assertThat(MessageIds.parseOffsetId(id)).isEqualTo(new OffsetMessageId(host, 0x1234L));
  }

  @Test
  void shouldEncodeAnIpv6OffsetIdIn56HexChars() throws UnknownHostException {
    InetSocketAddress host = new InetSocketAddress(InetAddress.getByName("::1"), 10911);
    String id = MessageIds.offsetId(host, 7);
    assertThat(id)
        .hasSize(56)
        .isEqualTo("00000000000000000000000000000001" + "00002A9F" + "0000000000000007");
    assertThat(MessageIds.parseOffsetId(id).storeHost()).isEqualTo(host);
  }

  @Property(tries = 200)
  void shouldRoundTripOffsetIds(
      @ForAll("addresses") byte[] address,
      @ForAll @IntRange(min = 0, max = 65535) int port,
      @ForAll @LongRange(min = 0) long offset) {
    String id = MessageIds.offsetId(address, port, offset);
    assertThat(id).hasSize(address.length == 4 ? 32 : 56);
    OffsetMessageId parsed = MessageIds.parseOffsetId(id.toLowerCase());
    assertThat(parsed.storeHost().getAddress().getAddress()).isEqualTo(address);
    assertThat(parsed.storeHost().getPort()).isEqualTo(port);
    assertThat(parsed.commitLogOffset()).isEqualTo(offset);
  }

  @Provide
  Arbitrary<byte[]> addresses() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofSize(4),
        Arbitraries.bytes().array(byte[].class).ofSize(16));
  }

  @Test
  void shouldRejectIdsOfTheWrongShape() {
    assertThat(MessageIds.hasIdShape("7F00000100002A9F000000000000123")).isFalse();
    assertThat(MessageIds.hasIdShape("7F00000100002A9F000000000000123G")).isFalse();
    assertThat(MessageIds.hasIdShape(null)).isFalse();
    assertThatThrownBy(() -> MessageIds.parseOffsetId("abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("abc");
  }

  @Test
  void shouldTellThisBrokersOffsetIdsFromUniqueIds() {
    InetSocketAddress host = new InetSocketAddress("10.0.0.7", 10911);
    String offsetId = MessageIds.offsetId(host, 99);
    String uniqueId = "0A00000530396D06D69C0ABCDEF00001"; // reference §3.2 example
    assertThat(MessageIds.isOffsetIdOf(offsetId, host)).isTrue();
    assertThat(MessageIds.isOffsetIdOf(uniqueId, host)).isFalse();
    assertThat(MessageIds.hasIdShape(uniqueId)).isTrue();
    assertThat(MessageIds.isOffsetIdOf(offsetId, new InetSocketAddress("10.0.0.7", 10912)))
        .isFalse();
  }

  @Test
  void shouldGenerateUniqueIdsInTheClientLayout() {
    long at = Instant.parse("2024-03-02T00:00:01Z").toEpochMilli();
    MutableClock clock = new MutableClock(at);
    UniqueIdGenerator generator =
        new UniqueIdGenerator(new byte[] {10, 0, 0, 5}, 12345, 0x6D06D69C, clock);
    String first = generator.next();
    // ip, pid, salt, ms since 2024-03-01T00:00Z (86,401,000), counter 0
    assertThat(first).isEqualTo("0A000005" + "3039" + "6D06D69C" + "05265FE8" + "0000");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(generator.next());
    }
    assertThat(ids).hasSize(1000).allMatch(MessageIds::hasIdShape);
  }
}
