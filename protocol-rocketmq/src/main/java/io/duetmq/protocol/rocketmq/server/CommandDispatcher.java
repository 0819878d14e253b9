package io.duetmq.protocol.rocketmq.server;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.ResponseCode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The last pipeline stage of every connection of one endpoint: responses complete {@link
 * PendingRequests}; requests go to their handler's executor, unknown codes are answered with
 * REQUEST_CODE_NOT_SUPPORTED, oneway requests are never answered. Any pipeline exception (a
 * malformed or oversized frame above all) logs one WARNING and closes that connection only; an idle
 * connection is closed; a closed connection fails its pending requests and notifies the close
 * listeners.
 *
 * <p>Thread-safety: shared by all connections of an endpoint (stateless per connection apart from a
 * channel attribute); callbacks run on I/O threads, handlers on their executors.
 */
@ChannelHandler.Sharable
final class CommandDispatcher extends ChannelInboundHandlerAdapter {

  private static final System.Logger LOG = System.getLogger(CommandDispatcher.class.getName());
  private static final AttributeKey<NettyRemotingChannel> REMOTING_CHANNEL =
      AttributeKey.valueOf(CommandDispatcher.class, "remotingChannel");
  private static final AttributeKey<Boolean> FAILED =
      AttributeKey.valueOf(CommandDispatcher.class, "failed");
  private static final AtomicLong CHANNEL_IDS = new AtomicLong();

  private final HandlerRegistry handlers;
  private final PendingRequests pending;
  private final List<Consumer<RemotingChannel>> closeListeners = new CopyOnWriteArrayList<>();

  CommandDispatcher(HandlerRegistry handlers, PendingRequests pending) {
    this.handlers = handlers;
    this.pending = pending;
  }

  void addCloseListener(Consumer<RemotingChannel> listener) {
    closeListeners.add(listener);
  }

  /** The {@link RemotingChannel} of {@code channel}, created on first use. */
  NettyRemotingChannel remotingChannel(Channel channel) {
    NettyRemotingChannel existing = channel.attr(REMOTING_CHANNEL).get();
    if (existing != null) {
      return existing;
    }
    NettyRemotingChannel created =
        new NettyRemotingChannel(CHANNEL_IDS.incrementAndGet(), channel, pending);
    existing = channel.attr(REMOTING_CHANNEL).setIfAbsent(created);
    return existing == null ? created : existing;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    remotingChannel(ctx.channel());
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof RemotingCommand command)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    NettyRemotingChannel channel = remotingChannel(ctx.channel());
    if (command.isResponse()) {
      if (!pending.complete(channel, command)) {
        LOG.log(
            Level.DEBUG,
            "dropping response opaque {0} from {1}: no request waits for it",
            command.opaque(),
            channel.remoteAddress());
      }
      return;
    }
    dispatch(command, channel);
  }

  private void dispatch(RemotingCommand request, NettyRemotingChannel channel) {
    HandlerRegistry.Registration registration = handlers.lookup(request.code());
    if (registration == null) {
      respond(
          request,
          channel,
          RemotingCommand.responseTo(
              request,
              ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
              " request type " + request.code() + " not supported"));
      return;
    }
    try {
      registration.executor().execute(() -> runHandler(registration.handler(), request, channel));
    } catch (RejectedExecutionException overloaded) {
      respond(
          request,
          channel,
          RemotingCommand.responseTo(
              request,
              ResponseCode.SYSTEM_BUSY,
              "[OVERLOAD]system busy, handler queue for request code "
                  + request.code()
                  + " is full"));
    }
  }

  private void runHandler(
      RequestHandler handler, RemotingCommand request, NettyRemotingChannel channel) {
    CompletableFuture<RemotingCommand> result;
    try {
      result = handler.handle(request, channel);
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    if (result == null) {
      return;
    }
    result.whenComplete(
        (response, failure) -> {
          if (failure != null) {
            LOG.log(
                Level.WARNING,
                "handler for request code "
                    + request.code()
                    + " from "
                    + channel.remoteAddress()
                    + " failed",
                failure);
            respond(
                request,
                channel,
                RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, failure.toString()));
          } else if (response != null) {
            respond(request, channel, response);
          }
        });
  }

  /** Sends {@code response} unless the request was oneway; enforces opaque and response flag. */
  private static void respond(
      RemotingCommand request, NettyRemotingChannel channel, RemotingCommand response) {
    if (request.isOneway()) {
      return;
    }
    RemotingCommand fixed = response;
    if (fixed.opaque() != request.opaque()) {
      fixed = fixed.withOpaque(request.opaque());
    }
    if (!fixed.isResponse()) {
      fixed = fixed.withFlag(fixed.flag() | RemotingCommand.FLAG_RESPONSE);
    }
    RemotingCommand sent = fixed;
    channel.writeResponse(
        sent,
        failure ->
            LOG.log(
                Level.WARNING,
                "failed to send response code {0} opaque {1} to {2}: {3}",
                sent.code(),
                sent.opaque(),
                channel.remoteAddress(),
                String.valueOf(failure)));
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      LOG.log(
          Level.INFO,
          "closing idle connection {0}",
          remotingChannel(ctx.channel()).remoteAddress());
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // a single bad read can raise several exceptions; one log line per connection is enough
    if (ctx.channel().attr(FAILED).setIfAbsent(Boolean.TRUE) == null) {
      Throwable reason =
          cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
      Level level = reason instanceof IOException ? Level.INFO : Level.WARNING;
      LOG.log(
          level,
          "closing connection {0}: {1}",
          remotingChannel(ctx.channel()).remoteAddress(),
          String.valueOf(reason));
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    NettyRemotingChannel channel = remotingChannel(ctx.channel());
    pending.failAll(
        channel,
        new RemotingConnectionException("connection to " + channel.remoteAddress() + " closed"));
    for (Consumer<RemotingChannel> listener : closeListeners) {
      try {
        listener.accept(channel);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "close listener failed for " + channel, e);
      }
    }
    ctx.fireChannelInactive();
  }
}
