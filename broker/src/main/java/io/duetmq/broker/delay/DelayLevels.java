package io.duetmq.broker.delay;

import java.util.Arrays;

/**
 * The delay of each level, parsed from {@code messageDelayLevel} ("1s 5s 10s 30s 1m ... 2h": a
 * number followed by {@code s}, {@code m}, {@code h} or {@code d}, separated by spaces). Levels are
 * numbered from 1.
 *
 * <p>Thread-safety: immutable.
 */
public final class DelayLevels {
  /** RocketMQ's default {@code messageDelayLevel}. */
  public static final String DEFAULT_SPEC =
      "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";

  private final long[] millis;

  private DelayLevels(long[] millis) {
    this.millis = millis;
  }

  /**
   * Parses a level list.
   *
   * @throws IllegalArgumentException on an empty list, a bad token or a non-positive delay
   */
  public static DelayLevels parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("messageDelayLevel must not be empty");
    }
    String[] tokens = spec.trim().split("\\s+");
    long[] millis = new long[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      millis[i] = parseToken(tokens[i], spec);
    }
    return new DelayLevels(millis);
  }

  /** The default 18 levels. */
  public static DelayLevels defaults() {
    return parse(DEFAULT_SPEC);
  }

  private static long parseToken(String token, String spec) {
    if (token.length() < 2) {
      throw new IllegalArgumentException("bad delay level '" + token + "' in '" + spec + "'");
    }
    long unit =
        switch (token.charAt(token.length() - 1)) {
          case 's' -> 1_000L;
          case 'm' -> 60_000L;
          case 'h' -> 3_600_000L;
          case 'd' -> 86_400_000L;
          default ->
              throw new IllegalArgumentException(
                  "bad unit in delay level '" + token + "' of '" + spec + "' (s, m, h or d)");
        };
    long amount;
    try {
      amount = Long.parseLong(token.substring(0, token.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "bad number in delay level '" + token + "' of '" + spec + "'", e);
    }
    if (amount <= 0 || amount > Long.MAX_VALUE / unit) {
      throw new IllegalArgumentException(
          "delay level '" + token + "' of '" + spec + "' out of range");
    }
    return amount * unit;
  }

  /** The highest level. */
  public int maxLevel() {
    return millis.length;
  }

  /**
   * The delay of {@code level} in ms.
   *
   * @throws IllegalArgumentException when the level is outside [1, maxLevel]
   */
  public long delayMillis(int level) {
    if (level < 1 || level > millis.length) {
      throw new IllegalArgumentException(
          "delay level " + level + " outside [1, " + millis.length + "]");
    }
    return millis[level - 1];
  }

  /** Levels above the maximum are treated as the maximum, as RocketMQ does. */
  public int clamp(int level) {
    return Math.min(level, millis.length);
  }

  @Override
  public String toString() {
    return "DelayLevels" + Arrays.toString(millis);
  }
}
