package io.duetmq.broker.message;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A decoded offset message id: where the message is stored.
 *
 * @param storeHost the broker's store host (address and listen port) written into the record
 * @param commitLogOffset the record's commit-log offset
 */
public record OffsetMessageId(InetSocketAddress storeHost, long commitLogOffset) {
  public OffsetMessageId {
    Objects.requireNonNull(storeHost, "storeHost");
  }
}
