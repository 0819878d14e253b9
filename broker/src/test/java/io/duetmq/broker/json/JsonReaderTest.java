package io.duetmq.broker.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

  @Test
  void shouldReadUnquotedNumericKeysAsTheirText() {
    JsonValue value = JsonReader.parse("{0:12,1:7,-3:\"x\"}");

    assertThat(value)
        .isEqualTo(
            new JsonObject(
                Map.of("0", new JsonLong(12), "1", new JsonLong(7), "-3", new JsonString("x"))));
    assertThat(((JsonObject) value).members().keySet()).containsExactly("0", "1", "-3");
  }

  @Test
  void shouldReadObjectValuedKeysAsCompactJsonTextEqualToTheQuotedForm() {
    JsonObject unquoted =
        (JsonObject)
            JsonReader.parse(
                "{\"offsetTable\":{ {\"brokerName\":\"broker-a\", \"queueId\":0,\"topic\":\"T\"} :3}}");
    JsonObject quoted =
        (JsonObject)
            JsonReader.parse(
                "{\"offsetTable\":{\"{\\\"brokerName\\\":\\\"broker-a\\\",\\\"queueId\\\":0,"
                    + "\\\"topic\\\":\\\"T\\\"}\":3}}");

    JsonObject table = (JsonObject) unquoted.get("offsetTable");
    String key = "{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"T\"}";
    assertThat(table.members()).containsExactly(Map.entry(key, new JsonLong(3)));
    assertThat(quoted).isEqualTo(unquoted);
    assertThat(JsonReader.parse(key))
        .isEqualTo(
            new JsonObject(
                Map.of(
                    "brokerName", new JsonString("broker-a"),
                    "queueId", new JsonLong(0),
                    "topic", new JsonString("T"))));
  }

  @Test
  void shouldDecodeEscapesIncludingControlCharacters() {
    JsonValue value =
        JsonReader.parse("\"a\\u0001b\\u0002c\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"");

    assertThat(value).isEqualTo(new JsonString("a\u0001b\u0002c\"\\/\b\f\n\r\t\u00e9\uD83D\uDE00"));
  }

  @Test
  void shouldReadNestedValuesAndScalars() {
    JsonValue value =
        JsonReader.parse(
            " { \"a\" : [ 1 , -2 , 3.5 , 1e3 , -0.25E-2 , 12345678901234567890 , true , false ,"
                + " null , { } , [ ] ] , \"b\" : { \"c\" : \"d\" } } ");

    assertThat(value)
        .isEqualTo(
            new JsonObject(
                Map.of(
                    "a",
                    new JsonArray(
                        List.of(
                            new JsonLong(1),
                            new JsonLong(-2),
                            new JsonDouble(3.5),
                            new JsonDouble(1000),
                            new JsonDouble(-0.0025),
                            new JsonDouble(12345678901234567890.0),
                            JsonBoolean.TRUE,
                            JsonBoolean.FALSE,
                            JsonNull.INSTANCE,
                            JsonObject.EMPTY,
                            new JsonArray(List.of()))),
                    "b",
                    new JsonObject(Map.of("c", new JsonString("d"))))));
  }

  @Test
  void shouldReadLongExtremes() {
    assertThat(JsonReader.parse("[-9223372036854775808,9223372036854775807]"))
        .isEqualTo(
            new JsonArray(List.of(new JsonLong(Long.MIN_VALUE), new JsonLong(Long.MAX_VALUE))));
  }

  @Test
  void shouldAcceptNestingUpToTheLimit() {
    String text = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);

    assertThat(JsonReader.parse(text)).isInstanceOf(JsonArray.class);
  }

  @Test
  void shouldRejectNestingBeyondTheLimitWithoutOverflowingTheStack() {
    String text = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);

    assertThatThrownBy(() -> JsonReader.parse(text))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("nesting deeper than 64");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "{",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "{,}",
        "[1,]",
        "[1 2]",
        "\"abc",
        "\"a\\",
        "\"\\x\"",
        "\"\\u12G4\"",
        "\"\\u12\"",
        "tru",
        "nul",
        "-",
        "1.",
        "1e",
        "{\"a\":1}x",
        "{:1}",
        "1e999",
        "@"
      })
  void shouldRejectMalformedTextWithItsPosition(String text) {
    assertThatThrownBy(() -> JsonReader.parse(text))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("at character")
        .satisfies(
            e -> assertThat(((JsonParseException) e).position()).isBetween(0, text.length()));
  }
}
