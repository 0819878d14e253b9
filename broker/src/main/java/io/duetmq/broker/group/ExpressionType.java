package io.duetmq.broker.group;

/** The language of a subscription expression. */
public enum ExpressionType {
  /** Tags joined by {@code ||}, or {@code *} for all. */
  TAG,
  /** An SQL92 condition over message properties. */
  SQL92
}
