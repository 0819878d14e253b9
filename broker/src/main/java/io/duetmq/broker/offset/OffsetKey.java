package io.duetmq.broker.offset;

import java.util.Comparator;
import java.util.Objects;

/** The (topic, group) pair an offset table row belongs to; ordered by topic, then group. */
record OffsetKey(String topic, String group) implements Comparable<OffsetKey> {
  private static final Comparator<OffsetKey> ORDER =
      Comparator.comparing(OffsetKey::topic).thenComparing(OffsetKey::group);

  OffsetKey {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(group, "group");
  }

  @Override
  public int compareTo(OffsetKey other) {
    return ORDER.compare(this, other);
  }
}
