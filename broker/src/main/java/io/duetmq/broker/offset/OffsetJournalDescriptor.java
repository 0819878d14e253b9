package io.duetmq.broker.offset;

/**
 * Layout of the body of one offset-journal record (a message in queue 0 of {@value
 * ConsumerOffsetStore#JOURNAL_TOPIC}). Big-endian; strings are UTF-8 with an unsigned 16-bit
 * length, so Kafka group ids of any content fit.
 *
 * <pre>
 *  0        1        2                4                4+g              6+g
 *  +--------+--------+----------------+----------------+----------------+----------------+
 *  | MAGIC  | KIND   | GROUP_LENGTH g | GROUP (g bytes)| TOPIC_LENGTH t | TOPIC (t bytes)|
 *  +--------+--------+----------------+----------------+----------------+----------------+
 *  6+g+t                10+g+t                              18+g+t
 *  +--------------------+-----------------------------------+
 *  | QUEUE_ID (int32)   | OFFSET (int64)                    |
 *  +--------------------+-----------------------------------+
 * </pre>
 *
 * KIND: 1 commit, 2 remove every offset of the group, 3 remove every offset of the topic.
 */
final class OffsetJournalDescriptor {
  static final byte MAGIC = 1;
  static final int MAGIC_OFFSET = 0;
  static final int KIND_OFFSET = 1;
  static final int GROUP_LENGTH_OFFSET = 2;
  static final int GROUP_OFFSET = 4;
  static final int MAX_STRING_LENGTH = 0xFFFF;

  /** Fixed bytes: magic, kind, two lengths, queue id, offset. */
  static final int FIXED_LENGTH = 1 + 1 + 2 + 2 + 4 + 8;

  private OffsetJournalDescriptor() {}

  static int topicLengthOffset(int groupLength) {
    return GROUP_OFFSET + groupLength;
  }

  static int topicOffset(int groupLength) {
    return topicLengthOffset(groupLength) + 2;
  }

  static int queueIdOffset(int groupLength, int topicLength) {
    return topicOffset(groupLength) + topicLength;
  }

  static int offsetOffset(int groupLength, int topicLength) {
    return queueIdOffset(groupLength, topicLength) + 4;
  }

  static int length(int groupLength, int topicLength) {
    return FIXED_LENGTH + groupLength + topicLength;
  }
}
