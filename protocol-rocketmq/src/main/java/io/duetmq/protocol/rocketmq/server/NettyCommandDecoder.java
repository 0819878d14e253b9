package io.duetmq.protocol.rocketmq.server;

import io.duetmq.protocol.rocketmq.codec.RemotingCommandDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Pipeline adapter for {@link RemotingCommandDecoder}: one frame (LEN stripped) in, one command
 * out. After the first failure it drops every later frame of the connection, because frames that
 * the length decoder already split off the same read must not reach handlers of a connection that
 * is being closed.
 *
 * <p>Buffer ownership: the base class releases each input frame after {@link #decode}.
 *
 * <p>Thread-safety: one instance per channel, used on its I/O thread only.
 */
final class NettyCommandDecoder extends MessageToMessageDecoder<ByteBuf> {

  private boolean failed;

  NettyCommandDecoder() {
    super(ByteBuf.class);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
    if (failed) {
      return;
    }
    try {
      out.add(RemotingCommandDecoder.decode(frame));
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
  }
}
