package io.duetmq.protocol.rocketmq.server;

import io.duetmq.protocol.rocketmq.codec.FrameDescriptor;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateHandler;

/** The channel pipeline shared by server and client connections. */
final class RemotingPipeline {

  private RemotingPipeline() {}

  /**
   * Adds, in order: idle detection (when {@code idleSeconds > 0}), the length-field frame decoder
   * (fail fast: an oversized length closes the connection before any of the frame is buffered), the
   * command decoder, the command encoder and {@code dispatcher}.
   */
  static void install(
      ChannelPipeline pipeline, int maxFrameLength, int idleSeconds, CommandDispatcher dispatcher) {
    if (idleSeconds > 0) {
      pipeline.addLast("idle", new IdleStateHandler(0, 0, idleSeconds));
    }
    pipeline.addLast(
        "frame",
        new LengthFieldBasedFrameDecoder(
            maxFrameLength,
            0,
            FrameDescriptor.LENGTH_FIELD_LENGTH,
            0,
            FrameDescriptor.LENGTH_FIELD_LENGTH,
            true));
    pipeline.addLast("decoder", new NettyCommandDecoder());
    pipeline.addLast("encoder", new NettyCommandEncoder());
    pipeline.addLast("dispatcher", dispatcher);
  }
}
