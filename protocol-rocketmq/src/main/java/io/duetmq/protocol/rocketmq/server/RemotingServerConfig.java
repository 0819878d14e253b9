package io.duetmq.protocol.rocketmq.server;

import io.duetmq.protocol.rocketmq.codec.FrameDescriptor;
import java.util.Objects;

/**
 * Settings of a {@link RemotingServer}. Component names follow RocketMQ's {@code broker.conf} keys
 * where one exists.
 *
 * @param bindAddress address to listen on; "0.0.0.0" for all interfaces
 * @param listenPort TCP port, 0 for an ephemeral port (tests)
 * @param serverSelectorThreads I/O event-loop threads (RocketMQ default 3)
 * @param serverWorkerThreads threads of the default pool that runs handlers registered without an
 *     executor (RocketMQ default 8)
 * @param maxFrameLength largest accepted frame in bytes, the 4-byte length field included;
 *     RocketMQ's {@code com.rocketmq.remoting.frameMaxLength}, default 16 MiB
 * @param channelMaxIdleTimeSeconds close connections without reads or writes for this long; 0
 *     disables (RocketMQ {@code serverChannelMaxIdleTimeSeconds}, default 120)
 */
public record RemotingServerConfig(
    String bindAddress,
    int listenPort,
    int serverSelectorThreads,
    int serverWorkerThreads,
    int maxFrameLength,
    int channelMaxIdleTimeSeconds) {

  /** Smallest frame limit: room for a header of a few hundred bytes. */
  public static final int MIN_FRAME_LENGTH = 1024;

  public RemotingServerConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (bindAddress.isBlank()) {
      throw new IllegalArgumentException("bindAddress must not be blank");
    }
    if (listenPort < 0 || listenPort > 65535) {
      throw new IllegalArgumentException("listenPort must be in 0..65535: " + listenPort);
    }
    if (serverSelectorThreads < 1) {
      throw new IllegalArgumentException(
          "serverSelectorThreads must be at least 1: " + serverSelectorThreads);
    }
    if (serverWorkerThreads < 1) {
      throw new IllegalArgumentException(
          "serverWorkerThreads must be at least 1: " + serverWorkerThreads);
    }
    if (maxFrameLength < MIN_FRAME_LENGTH) {
      throw new IllegalArgumentException(
          "maxFrameLength must be at least " + MIN_FRAME_LENGTH + ": " + maxFrameLength);
    }
    if (channelMaxIdleTimeSeconds < 0) {
      throw new IllegalArgumentException(
          "channelMaxIdleTimeSeconds must not be negative: " + channelMaxIdleTimeSeconds);
    }
  }

  /** RocketMQ's defaults on the given port (10911 for a broker, 9876 for a NameServer). */
  public static RemotingServerConfig defaults(int listenPort) {
    return new RemotingServerConfig(
        "0.0.0.0", listenPort, 3, 8, FrameDescriptor.DEFAULT_MAX_FRAME_LENGTH, 120);
  }
}
