package io.duetmq.broker.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void shouldEscapeControlCharactersAsUnicodeEscapes() {
    String json = JsonWriter.write(new JsonString("a\u0001b\u0002\n\"\\\u001f/é"));

    assertThat(json).isEqualTo("\"a\\u0001b\\u0002\\u000a\\\"\\\\\\u001f/é\"");
  }

  @Test
  void shouldEscapeUnpairedSurrogatesAndKeepPairs() {
    String json = JsonWriter.write(new JsonString("\uD800x\uD83D\uDE00\uDC00"));

    assertThat(json).isEqualTo("\"\\ud800x\uD83D\uDE00\\udc00\"");
    assertThat(JsonReader.parse(json)).isEqualTo(new JsonString("\uD800x\uD83D\uDE00\uDC00"));
  }

  @Test
  void shouldWriteCompactStandardJsonInMemberOrder() {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put("z", new JsonLong(-1));
    members.put(
        "a", new JsonArray(List.of(JsonBoolean.TRUE, JsonNull.INSTANCE, new JsonDouble(0.5))));
    members.put("{\"k\":1}", JsonObject.EMPTY);

    assertThat(JsonWriter.write(new JsonObject(members)))
        .isEqualTo("{\"z\":-1,\"a\":[true,null,0.5],\"{\\\"k\\\":1}\":{}}");
  }

  @Test
  void shouldSeparateStreamedMembersAndElements() {
    String json =
        new JsonWriter()
            .beginObject()
            .name("a")
            .beginArray()
            .value(1)
            .value("x")
            .beginObject()
            .endObject()
            .value(false)
            .endArray()
            .name("b")
            .value((String) null)
            .endObject()
            .toString();

    assertThat(json).isEqualTo("{\"a\":[1,\"x\",{},false],\"b\":null}");
  }

  @Property(tries = 300)
  void shouldReadBackWhatItWrites(@ForAll("trees") JsonValue tree) {
    assertThat(JsonReader.parse(JsonWriter.write(tree))).isEqualTo(tree);
  }

  @Provide
  Arbitrary<JsonValue> trees() {
    Arbitrary<JsonValue> scalars =
        Arbitraries.oneOf(
            text(20).map(JsonString::new),
            Arbitraries.longs().map(JsonLong::new),
            Arbitraries.doubles().map(JsonDouble::new),
            Arbitraries.of(JsonBoolean.TRUE, JsonBoolean.FALSE, JsonNull.INSTANCE));
    Arbitrary<JsonValue> arrays = scalars.list().ofMaxSize(5).map(JsonArray::new);
    Arbitrary<JsonValue> objects =
        Arbitraries.maps(text(10), Arbitraries.oneOf(scalars, arrays))
            .ofMaxSize(5)
            .map(JsonObject::new);
    return Arbitraries.oneOf(scalars, arrays, objects);
  }

  /**
   * Strings that stress escaping: printable ASCII, control characters, quotes, backslashes, BMP and
   * astral.
   */
  private static Arbitrary<String> text(int maxLength) {
    return Arbitraries.strings()
        .withCharRange((char) 0x20, (char) 0x7E)
        .withChars(
            '\u0000', '\u0001', '\u0002', '\n', '"', '\\', '\u00e9', '\u4e2d', '\ud83d', '\ude00')
        .ofMaxLength(maxLength)
        .filter(JsonWriterTest::wellFormed);
  }

  private static boolean wellFormed(String s) {
    return java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(s);
  }
}
