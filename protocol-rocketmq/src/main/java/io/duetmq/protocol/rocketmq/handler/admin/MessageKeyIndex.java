package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.store.StoredRecord;
import java.util.List;

/**
 * The key-index port QUERY_MESSAGE uses ({@code MessageStore::queryByKey}): candidate records of
 * {@code topic#key} stored within a time range, newest first. Candidates may be hash collisions.
 * Must be thread-safe.
 */
@FunctionalInterface
public interface MessageKeyIndex {
  List<StoredRecord> query(
      String topic, String key, int maxNum, long beginTimestamp, long endTimestamp);
}
