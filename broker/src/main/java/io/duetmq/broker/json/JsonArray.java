package io.duetmq.broker.json;

import java.util.List;
import java.util.Objects;

/**
 * A JSON array.
 *
 * @param elements the elements, copied into an unmodifiable list
 */
public record JsonArray(List<JsonValue> elements) implements JsonValue {

  public JsonArray {
    Objects.requireNonNull(elements, "elements");
    elements = List.copyOf(elements);
  }
}
