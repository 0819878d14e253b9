package io.duetmq.protocol.rocketmq.server;

import io.duetmq.protocol.rocketmq.codec.FrameDescriptor;

/**
 * Settings of a {@link RemotingClient}. Component names follow RocketMQ's client-side keys.
 *
 * @param connectTimeoutMillis TCP connect timeout (RocketMQ default 3000)
 * @param clientWorkerThreads threads of the default pool that runs handlers for server→client
 *     requests (RocketMQ default 4)
 * @param maxFrameLength largest accepted frame in bytes, the 4-byte length field included
 * @param channelMaxIdleTimeSeconds close the connection after this long without reads or writes; 0
 *     disables (RocketMQ {@code clientChannelMaxIdleTimeSeconds}, default 120)
 */
public record RemotingClientConfig(
    int connectTimeoutMillis,
    int clientWorkerThreads,
    int maxFrameLength,
    int channelMaxIdleTimeSeconds) {

  public RemotingClientConfig {
    if (connectTimeoutMillis < 1) {
      throw new IllegalArgumentException(
          "connectTimeoutMillis must be positive: " + connectTimeoutMillis);
    }
    if (clientWorkerThreads < 1) {
      throw new IllegalArgumentException(
          "clientWorkerThreads must be at least 1: " + clientWorkerThreads);
    }
    if (maxFrameLength < RemotingServerConfig.MIN_FRAME_LENGTH) {
      throw new IllegalArgumentException(
          "maxFrameLength must be at least "
              + RemotingServerConfig.MIN_FRAME_LENGTH
              + ": "
              + maxFrameLength);
    }
    if (channelMaxIdleTimeSeconds < 0) {
      throw new IllegalArgumentException(
          "channelMaxIdleTimeSeconds must not be negative: " + channelMaxIdleTimeSeconds);
    }
  }

  /** RocketMQ's client defaults. */
  public static RemotingClientConfig defaults() {
    return new RemotingClientConfig(3000, 4, FrameDescriptor.DEFAULT_MAX_FRAME_LENGTH, 120);
  }
}
