package io.duetmq.store;

import java.nio.ByteBuffer;

/**
 * Patches a record body in place at append time, once its logical offset is known (a Kafka batch
 * gets its base offset this way). Runs on the commit-log writer thread: it must be short and must
 * not block.
 */
@FunctionalInterface
public interface BodyPatcher {
  /**
   * @param body the body as stored in the log, positioned at 0 with its exact length as limit; only
   *     its bytes may be changed, and the buffer must not be kept after the call
   * @param baseLogicalOffset the first logical offset assigned to this record
   */
  void patch(ByteBuffer body, long baseLogicalOffset);
}
