package io.duetmq.broker.group;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a consumer group reads from one topic, as its heartbeat declared it. Immutable.
 *
 * @param topic the topic
 * @param subString the expression as given ({@code *} = everything)
 * @param expressionType TAG or SQL92
 * @param tagsSet for TAG: the tags, split on {@code ||} and trimmed; empty for {@code *} and SQL92
 * @param codeSet for TAG: {@code String.hashCode()} of each tag (what consume-queue entries hold)
 * @param subVersion the client's timestamp when it built the subscription; pulls carrying an older
 *     version are refused (SUBSCRIPTION_NOT_LATEST)
 */
public record SubscriptionData(
    String topic,
    String subString,
    ExpressionType expressionType,
    Set<String> tagsSet,
    Set<Integer> codeSet,
    long subVersion) {

  /** The expression that accepts everything. */
  public static final String SUB_ALL = "*";

  public SubscriptionData {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(expressionType, "expressionType");
    subString = subString == null || subString.isBlank() ? SUB_ALL : subString;
    tagsSet =
        Collections.unmodifiableSet(new LinkedHashSet<>(tagsSet == null ? Set.of() : tagsSet));
    codeSet =
        Collections.unmodifiableSet(new LinkedHashSet<>(codeSet == null ? Set.of() : codeSet));
  }

  /**
   * Builds a subscription the way RocketMQ clients do: for TAG, tags are split on {@code ||},
   * trimmed, empty ones dropped, and hashed; {@code *}, blank and null mean everything.
   */
  public static SubscriptionData of(
      String topic, String subString, ExpressionType type, long subVersion) {
    Set<String> tags = new LinkedHashSet<>();
    Set<Integer> codes = new LinkedHashSet<>();
    String expression = subString == null || subString.isBlank() ? SUB_ALL : subString.trim();
    if (type == ExpressionType.TAG && !expression.equals(SUB_ALL)) {
      for (String part : expression.split("\\|\\|")) {
        String tag = part.trim();
        if (!tag.isEmpty()) {
          tags.add(tag);
          codes.add(tag.hashCode());
        }
      }
    }
    return new SubscriptionData(topic, expression, type, tags, codes, subVersion);
  }

  /** Whether this TAG subscription takes every message. */
  public boolean isAll() {
    return expressionType == ExpressionType.TAG && (SUB_ALL.equals(subString) || codeSet.isEmpty());
  }

  /**
   * Consume-queue pre-filter: whether a record with this tag hash may match. Exact for TAG (up to
   * hash collisions, which the caller re-checks on the record's tags); always true for SQL92.
   */
  public boolean acceptsTagsCode(long tagsCode) {
    if (expressionType != ExpressionType.TAG || isAll()) {
      return true;
    }
    return tagsCode >= Integer.MIN_VALUE
        && tagsCode <= Integer.MAX_VALUE
        && codeSet.contains((int) tagsCode);
  }
}
