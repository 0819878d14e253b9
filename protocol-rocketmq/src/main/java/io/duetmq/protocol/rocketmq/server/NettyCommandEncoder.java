package io.duetmq.protocol.rocketmq.server;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.RemotingCommandEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Pipeline adapter for {@link RemotingCommandEncoder}.
 *
 * <p>Buffer ownership: the base class allocates {@code out}, passes it on to the socket on success
 * and releases it when encoding fails (the write's promise then fails).
 *
 * <p>Thread-safety: one instance per channel, used on its I/O thread only.
 */
final class NettyCommandEncoder extends MessageToByteEncoder<RemotingCommand> {

  NettyCommandEncoder() {
    super(RemotingCommand.class);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, RemotingCommand command, ByteBuf out) {
    RemotingCommandEncoder.encode(command, out);
  }
}
