package io.duetmq.broker.json;

/**
 * A JSON number without fraction or exponent that fits a Java {@code long}. Integers outside the
 * {@code long} range are read as {@link JsonDouble}.
 *
 * @param value the number
 */
public record JsonLong(long value) implements JsonValue {}
