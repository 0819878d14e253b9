package io.duetmq.broker.offset;

import static io.duetmq.broker.offset.OffsetJournalDescriptor.GROUP_LENGTH_OFFSET;
import static io.duetmq.broker.offset.OffsetJournalDescriptor.GROUP_OFFSET;
import static io.duetmq.broker.offset.OffsetJournalDescriptor.KIND_OFFSET;
import static io.duetmq.broker.offset.OffsetJournalDescriptor.MAGIC;
import static io.duetmq.broker.offset.OffsetJournalDescriptor.MAGIC_OFFSET;
import static io.duetmq.broker.offset.OffsetJournalDescriptor.MAX_STRING_LENGTH;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of an offset-journal record to {@link OffsetJournalEntry} and back, per {@link
 * OffsetJournalDescriptor}. Stateless and thread-safe.
 */
final class OffsetJournalCodec {
  private OffsetJournalCodec() {}

  /** A new heap buffer holding the entry, positioned at 0. */
  static ByteBuffer encode(OffsetJournalEntry entry) {
    byte[] group = entry.group().getBytes(StandardCharsets.UTF_8);
    byte[] topic = entry.topic().getBytes(StandardCharsets.UTF_8);
    if (group.length > MAX_STRING_LENGTH || topic.length > MAX_STRING_LENGTH) {
      throw new IllegalArgumentException(
          "group ("
              + group.length
              + " bytes) or topic ("
              + topic.length
              + " bytes) longer than "
              + MAX_STRING_LENGTH);
    }
    ByteBuffer buffer =
        ByteBuffer.allocate(OffsetJournalDescriptor.length(group.length, topic.length));
    buffer
        .put(MAGIC)
        .put((byte) entry.kind().code)
        .putShort((short) group.length)
        .put(group)
        .putShort((short) topic.length)
        .put(topic)
        .putInt(entry.queueId())
        .putLong(entry.offset());
    return buffer.flip();
  }

  /**
   * Reads an entry from {@code body} (absolute reads from its position; the buffer is not changed).
   *
   * @throws IllegalArgumentException when the bytes are not a valid entry
   */
  static OffsetJournalEntry decode(ByteBuffer body) {
    int base = body.position();
    int available = body.remaining();
    if (available < OffsetJournalDescriptor.FIXED_LENGTH) {
      throw new IllegalArgumentException("offset journal record of " + available + " bytes");
    }
    if (body.get(base + MAGIC_OFFSET) != MAGIC) {
      throw new IllegalArgumentException(
          "offset journal record with magic " + body.get(base + MAGIC_OFFSET));
    }
    OffsetJournalEntry.Kind kind = OffsetJournalEntry.Kind.of(body.get(base + KIND_OFFSET));
    int groupLength = Short.toUnsignedInt(body.getShort(base + GROUP_LENGTH_OFFSET));
    int topicLengthAt = OffsetJournalDescriptor.topicLengthOffset(groupLength);
    if (topicLengthAt + 2 > available) {
      throw new IllegalArgumentException("offset journal record truncated in the group");
    }
    int topicLength = Short.toUnsignedInt(body.getShort(base + topicLengthAt));
    if (OffsetJournalDescriptor.length(groupLength, topicLength) != available) {
      throw new IllegalArgumentException(
          "offset journal record of "
              + available
              + " bytes, lengths say "
              + OffsetJournalDescriptor.length(groupLength, topicLength));
    }
    String group = string(body, base + GROUP_OFFSET, groupLength);
    String topic =
        string(body, base + OffsetJournalDescriptor.topicOffset(groupLength), topicLength);
    int queueId =
        body.getInt(base + OffsetJournalDescriptor.queueIdOffset(groupLength, topicLength));
    long offset =
        body.getLong(base + OffsetJournalDescriptor.offsetOffset(groupLength, topicLength));
    return new OffsetJournalEntry(kind, group, topic, queueId, offset);
  }

  private static String string(ByteBuffer body, int index, int length) {
    byte[] bytes = new byte[length];
    body.get(index, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
