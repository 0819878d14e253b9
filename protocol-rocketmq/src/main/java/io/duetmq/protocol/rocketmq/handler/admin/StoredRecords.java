package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.message.StoredMessage;
import io.duetmq.store.QueueReader;
import io.duetmq.store.StoredRecord;

/**
 * Reads one message by the commit-log offset a client sent. The offset comes from the network, so
 * it may point into the middle of a record or past the log: a record counts only when it decodes
 * and names itself as stored at that offset. Stateless.
 */
final class StoredRecords {
  private StoredRecords() {}

  /** The record starting at {@code offset}, or null when there is none. */
  static StoredRecord recordAt(QueueReader reader, long offset) {
    if (offset < 0) {
      return null;
    }
    try {
      StoredRecord record = reader.lookup(offset);
      if (record == null || StoredMessage.decode(record).commitLogOffset() != offset) {
        return null;
      }
      return record;
    } catch (RuntimeException notARecord) {
      return null;
    }
  }

  /** The message starting at {@code offset}, decoded, or null when there is none. */
  static StoredMessage messageAt(QueueReader reader, long offset) {
    StoredRecord record = recordAt(reader, offset);
    return record == null ? null : StoredMessage.decode(record);
  }
}
