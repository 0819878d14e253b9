package io.duetmq.protocol.kafka.producer;

import io.duetmq.protocol.kafka.codec.ErrorCode;

/**
 * What appending one batch to a partition produced, as Produce answers it.
 *
 * @param error NONE when stored
 * @param baseOffset the first offset the batch took, -1 on error
 * @param logAppendTime the LogAppendTime stamp, -1 for CreateTime topics
 * @param message error detail for the response (v8+), nullable
 */
public record AppendOutcome(ErrorCode error, long baseOffset, long logAppendTime, String message) {

  public static AppendOutcome stored(long baseOffset, long logAppendTime) {
    return new AppendOutcome(ErrorCode.NONE, baseOffset, logAppendTime, null);
  }

  public static AppendOutcome failed(ErrorCode error, String message) {
    return new AppendOutcome(error, -1, -1, message);
  }

  public boolean isStored() {
    return error == ErrorCode.NONE;
  }
}
