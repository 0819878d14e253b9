package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.store.AppendStatus;
import io.duetmq.store.ReadStatus;

/**
 * The one table mapping store outcomes to RocketMQ response codes (reference §3.3 and §3.10), so
 * that every handler answers the same outcome with the same code.
 */
public final class StoreStatusCodes {
  private StoreStatusCodes() {}

  /** Response code of a send whose append ended with {@code status}. */
  public static int forAppend(AppendStatus status) {
    return switch (status) {
      case PUT_OK -> 0;
      case FLUSH_DISK_TIMEOUT -> BrokerResponseCode.FLUSH_DISK_TIMEOUT;
      case MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED -> BrokerResponseCode.MESSAGE_ILLEGAL;
      case SERVICE_NOT_AVAILABLE -> BrokerResponseCode.SERVICE_NOT_AVAILABLE;
    };
  }

  /**
   * Response code of a pull whose read ended with {@code status}, for a request at {@code
   * requestOffset}.
   */
  public static int forRead(ReadStatus status, long requestOffset) {
    return switch (status) {
      case FOUND -> 0;
      case NO_MATCHED_MESSAGE -> BrokerResponseCode.PULL_RETRY_IMMEDIATELY;
      case OFFSET_FOUND_NULL, OFFSET_OVERFLOW_ONE -> BrokerResponseCode.PULL_NOT_FOUND;
      case OFFSET_TOO_SMALL, OFFSET_OVERFLOW_BADLY -> BrokerResponseCode.PULL_OFFSET_MOVED;
      case NO_MESSAGE_IN_QUEUE, NO_MATCHED_LOGIC_QUEUE ->
          requestOffset != 0
              ? BrokerResponseCode.PULL_OFFSET_MOVED
              : BrokerResponseCode.PULL_NOT_FOUND;
    };
  }
}
