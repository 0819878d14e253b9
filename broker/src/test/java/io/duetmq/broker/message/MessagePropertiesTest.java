package io.duetmq.broker.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagePropertiesTest {

  /** Readable notation: '|' stands for 0x01 and ';' for 0x02. */
  private static String raw(String notation) {
    return notation.replace('|', '\u0001').replace(';', '\u0002');
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '#',
      value = {
        "a|b;            # a=b",
        "a|b             # a=b", // no trailing separator
        "a|b;c|d;        # a=b,c=d",
        "|b;             # ''", // empty key
        "a|;             # ''", // empty value
        "ab;             # ''", // no separator
        "a|;b|c;         # b=c",
        "a|b|c;          # a=b|c", // value keeps further separators
        ";;a|b;;         # a=b", // empty entries
        "a|b;a|c;        # a=c", // later duplicate wins
        "ab|;cd|e;       # cd=e", // separator at last char
        "xy;a|b;         # a=b",
        "x;|a|b;         # ''", // first separator at first char
      })
  void shouldParseLikeTheRocketMqClient(String text, String expected) {
    Map<String, String> parsed = MessageProperties.parse(raw(text.strip()));
    StringBuilder rendered = new StringBuilder();
    parsed.forEach(
        (k, v) ->
            rendered.append(rendered.length() == 0 ? "" : ",").append(k).append('=').append(v));
    assertThat(rendered.toString().replace('\u0001', '|'))
        .isEqualTo(expected.strip().equals("''") ? "" : expected.strip());
  }

  @Test
  void shouldKeepFirstInsertionOrderWhenALaterDuplicateWins() {
    Map<String, String> parsed = MessageProperties.parse(raw("K|1;T|2;K|3;"));
    assertThat(parsed).containsExactly(Map.entry("K", "3"), Map.entry("T", "2"));
    assertThat(MessageProperties.format(parsed)).isEqualTo(raw("K|3;T|2;"));
  }

  @Test
  void shouldParseNullAndEmptyAsNothing() {
    assertThat(MessageProperties.parse(null)).isEmpty();
    assertThat(MessageProperties.parse("")).isEmpty();
  }

  @Test
  void shouldFormatTheWireExampleOfAJavaProducer() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("UNIQ_KEY", "ABC");
    properties.put("WAIT", "true");
    properties.put("NULL", null);
    properties.put("TAGS", "tagA");
    assertThat(MessageProperties.format(properties))
        .isEqualTo("UNIQ_KEY\u0001ABC\u0002WAIT\u0001true\u0002TAGS\u0001tagA\u0002");
  }

  @Test
  void shouldRejectEntriesThatCannotParseBack() {
    assertThatThrownBy(() -> MessageProperties.format(Map.of("", "v")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MessageProperties.format(Map.of("a\u0001b", "v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\\u0001");
    assertThatThrownBy(() -> MessageProperties.format(Map.of("k", "a\u0002b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k");
  }

  @Test
  void shouldSplitKeysOnSpaces() {
    assertThat(MessageProperties.splitKeys("k1 k2  k3")).isEqualTo(List.of("k1", "k2", "k3"));
    assertThat(MessageProperties.splitKeys(null)).isEmpty();
  }

  @Property(tries = 300)
  void shouldRoundTripAnyWellFormedMap(@ForAll("propertyMaps") Map<String, String> properties) {
    String text = MessageProperties.format(properties);
    assertThat(MessageProperties.parse(text)).containsExactlyEntriesOf(properties);
  }

  @Property(tries = 300)
  void shouldNeverThrowOnArbitraryText(@ForAll("controlHeavyText") String text) {
    Map<String, String> parsed = MessageProperties.parse(text);
    // whatever was kept formats and parses back to itself
    assertThat(MessageProperties.parse(MessageProperties.format(parsed)))
        .containsExactlyEntriesOf(parsed);
  }

  @Provide
  Arbitrary<Map<String, String>> propertyMaps() {
    Arbitrary<String> keys =
        Arbitraries.strings()
            .withCharRange('\u0000', '\u00ff')
            .excludeChars('\u0001', '\u0002')
            .ofMinLength(1)
            .ofMaxLength(12);
    // values may hold any control char except the pair separator, including 0x01
    Arbitrary<String> values =
        Arbitraries.strings()
            .withCharRange('\u0000', '\u024f')
            .excludeChars('\u0002')
            .ofMinLength(1)
            .ofMaxLength(24);
    return Arbitraries.maps(keys, values).ofMaxSize(10).map(LinkedHashMap::new);
  }

  @Provide
  Arbitrary<String> controlHeavyText() {
    return Arbitraries.strings().withChars('\u0001', '\u0002', 'a', 'b', ' ').ofMaxLength(40);
  }
}
