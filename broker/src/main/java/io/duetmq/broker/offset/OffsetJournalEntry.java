package io.duetmq.broker.offset;

import java.util.Objects;

/**
 * One change of the offset table as journaled in the commit log. Immutable.
 *
 * @param kind what changed
 * @param group the group (empty for {@link Kind#REMOVE_TOPIC})
 * @param topic the topic (empty for {@link Kind#REMOVE_GROUP})
 * @param queueId the queue ({@link Kind#COMMIT} only, else 0)
 * @param offset the committed offset ({@link Kind#COMMIT} only, else 0)
 */
record OffsetJournalEntry(Kind kind, String group, String topic, int queueId, long offset) {

  /** The kinds of change, with their code in the journal record. */
  enum Kind {
    COMMIT(1),
    REMOVE_GROUP(2),
    REMOVE_TOPIC(3);

    final int code;

    Kind(int code) {
      this.code = code;
    }

    static Kind of(int code) {
      for (Kind kind : values()) {
        if (kind.code == code) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown offset journal entry kind " + code);
    }
  }

  OffsetJournalEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(topic, "topic");
  }

  static OffsetJournalEntry commit(String group, String topic, int queueId, long offset) {
    return new OffsetJournalEntry(Kind.COMMIT, group, topic, queueId, offset);
  }

  static OffsetJournalEntry removeGroup(String group) {
    return new OffsetJournalEntry(Kind.REMOVE_GROUP, group, "", 0, 0);
  }

  static OffsetJournalEntry removeTopic(String topic) {
    return new OffsetJournalEntry(Kind.REMOVE_TOPIC, "", topic, 0, 0);
  }
}
