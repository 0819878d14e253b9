package io.duetmq.broker.json;

/**
 * A JSON number with a fraction or an exponent, or an integer too large for a {@code long}.
 *
 * @param value the number; never NaN or infinite
 */
public record JsonDouble(double value) implements JsonValue {

  public JsonDouble {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("JSON has no representation for " + value);
    }
  }
}
