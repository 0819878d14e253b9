package io.duetmq.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class OffsetJournalCodecTest {

  @Property
  void shouldRoundTripAnyEntry(@ForAll("entries") OffsetJournalEntry entry) {
    ByteBuffer bytes = OffsetJournalCodec.encode(entry);

    assertThat(bytes.remaining())
        .isEqualTo(
            OffsetJournalDescriptor.length(
                entry.group().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                entry.topic().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    assertThat(OffsetJournalCodec.decode(bytes)).isEqualTo(entry);
    assertThat(bytes.position()).isZero();
  }

  @Property
  void shouldRejectEveryTruncation(
      @ForAll("entries") OffsetJournalEntry entry, @ForAll("cuts") int cut) {
    ByteBuffer bytes = OffsetJournalCodec.encode(entry);
    int length = Math.min(cut, bytes.remaining() - 1);

    assertThatThrownBy(() -> OffsetJournalCodec.decode(bytes.limit(length)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  Arbitrary<OffsetJournalEntry> entries() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
    return Combinators.combine(
            Arbitraries.of(OffsetJournalEntry.Kind.class),
            text,
            text,
            Arbitraries.integers().greaterOrEqual(0),
            Arbitraries.longs().greaterOrEqual(0))
        .as(OffsetJournalEntry::new);
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, 200);
  }

  @Test
  void shouldRejectUnknownMagicKindAndTrailingBytes() {
    ByteBuffer good = OffsetJournalCodec.encode(OffsetJournalEntry.commit("G", "T", 1, 2));

    ByteBuffer badMagic = copy(good);
    badMagic.put(0, (byte) 9);
    ByteBuffer badKind = copy(good);
    badKind.put(1, (byte) 9);
    ByteBuffer longer =
        ByteBuffer.allocate(good.remaining() + 1).put(copy(good)).put((byte) 0).flip();

    assertThatThrownBy(() -> OffsetJournalCodec.decode(badMagic)).hasMessageContaining("magic 9");
    assertThatThrownBy(() -> OffsetJournalCodec.decode(badKind)).hasMessageContaining("kind 9");
    assertThatThrownBy(() -> OffsetJournalCodec.decode(longer)).hasMessageContaining("lengths say");
  }

  private static ByteBuffer copy(ByteBuffer buffer) {
    ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
    copy.put(buffer.duplicate()).flip();
    return copy;
  }
}
