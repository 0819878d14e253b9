package io.duetmq.protocol.rocketmq.handler.admin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the body of SEND_BATCH_MESSAGE (320) into its inner messages (reference §3.4). Each inner
 * message is:
 *
 * <pre>
 *  0        4        8        12       16       20             20+B     22+B
 *  +--------+--------+--------+--------+--------+--------------+--------+----------------+
 *  | total  | magic  | bodyCRC| flag   | body B | body bytes   | props P| properties     |
 *  | size   | (0)    | (0)    |        |        |              | int16  | (UTF-8)        |
 *  +--------+--------+--------+--------+--------+--------------+--------+----------------+
 *  total size = 22 + B + P, counting the size field itself
 * </pre>
 *
 * <p>Magic and CRC are ignored, as RocketMQ brokers ignore them. Any inconsistency (a size that
 * does not add up, a negative length, bytes left over, no message at all) throws {@link
 * MalformedBatchException} naming the message index and the offending values.
 *
 * <p>Buffer ownership: the returned bodies are read-only views of {@code body}; the caller keeps it
 * alive until they are appended. Stateless and thread-safe.
 */
final class BatchBodyDecoder {
  static final int TOTAL_SIZE_LENGTH = 4;
  static final int FLAG_OFFSET = 12;
  static final int BODY_LENGTH_OFFSET = 16;
  static final int BODY_OFFSET = 20;

  /** A message without body and properties. */
  static final int MIN_MESSAGE_LENGTH = BODY_OFFSET + 2;

  /** One inner message: its flag, body (a view) and properties text. */
  record InnerMessage(int flag, ByteBuffer body, String properties) {}

  private BatchBodyDecoder() {}

  static List<InnerMessage> decode(byte[] body) {
    if (body == null || body.length == 0) {
      throw new MalformedBatchException("the batch body is empty");
    }
    ByteBuffer bytes = ByteBuffer.wrap(body).asReadOnlyBuffer();
    List<InnerMessage> messages = new ArrayList<>();
    int at = 0;
    while (at < body.length) {
      messages.add(decodeOne(bytes, at, messages.size()));
      at += bytes.getInt(at);
    }
    return messages;
  }

  private static InnerMessage decodeOne(ByteBuffer bytes, int at, int index) {
    int remaining = bytes.capacity() - at;
    if (remaining < MIN_MESSAGE_LENGTH) {
      throw new MalformedBatchException(
          "message " + index + " at byte " + at + " is truncated: " + remaining + " bytes left");
    }
    int totalSize = bytes.getInt(at);
    if (totalSize < MIN_MESSAGE_LENGTH || totalSize > remaining) {
      throw new MalformedBatchException(
          "message "
              + index
              + " at byte "
              + at
              + " has size "
              + totalSize
              + ", "
              + remaining
              + " bytes left");
    }
    int bodyLength = bytes.getInt(at + BODY_LENGTH_OFFSET);
    if (bodyLength < 0 || bodyLength > totalSize - MIN_MESSAGE_LENGTH) {
      throw new MalformedBatchException(
          "message " + index + " has body length " + bodyLength + " in a size of " + totalSize);
    }
    int propertiesAt = at + BODY_OFFSET + bodyLength;
    int propertiesLength = bytes.getShort(propertiesAt);
    if (propertiesLength < 0 || MIN_MESSAGE_LENGTH + bodyLength + propertiesLength != totalSize) {
      throw new MalformedBatchException(
          "message "
              + index
              + " has size "
              + totalSize
              + " but body "
              + bodyLength
              + " and properties "
              + propertiesLength
              + " bytes");
    }
    ByteBuffer messageBody = bytes.slice(at + BODY_OFFSET, bodyLength);
    byte[] properties = new byte[propertiesLength];
    bytes.get(propertiesAt + 2, properties);
    return new InnerMessage(
        bytes.getInt(at + FLAG_OFFSET),
        messageBody,
        new String(properties, StandardCharsets.UTF_8));
  }
}
