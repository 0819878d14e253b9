package io.duetmq.protocol.kafka.server;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.KafkaCodecException;
import io.duetmq.protocol.kafka.codec.KafkaReader;
import io.duetmq.protocol.kafka.codec.KafkaWriter;
import io.duetmq.protocol.kafka.codec.RequestHeader;
import io.duetmq.protocol.kafka.codec.ResponseHeader;
import io.duetmq.protocol.kafka.handler.KafkaHandlerRegistry;
import io.duetmq.protocol.kafka.handler.KafkaRequest;
import io.duetmq.protocol.kafka.handler.KafkaRequestHandler;
import io.duetmq.protocol.kafka.handler.KafkaResponse;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connection: takes size-stripped request frames, decodes the header, dispatches by API key and
 * writes responses in request order through {@link InFlightResponses}. Unknown keys, unsupported
 * versions (ApiVersions excepted), malformed input and failed handlers close the connection after
 * one WARNING line.
 *
 * <p>One instance per channel; all state is confined to the channel's event loop (completions from
 * other threads hop onto it). Releases every inbound frame once the handler returns.
 */
final class KafkaConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(KafkaConnectionHandler.class.getName());

  /** Pipelined requests beyond this stop reading from the socket until responses drain. */
  static final int MAX_IN_FLIGHT = 100;

  private final KafkaHandlerRegistry registry;
  private final InFlightResponses inFlight = new InFlightResponses();
  private ChannelHandlerContext ctx;
  private boolean closing;

  KafkaConnectionHandler(KafkaHandlerRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    try {
      if (!closing) {
        dispatch(frame);
      }
    } catch (KafkaCodecException e) {
      closeWithWarning("malformed request: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "request handler failed on " + remote() + ", closing", e);
      closeQuietly();
    } finally {
      frame.release();
    }
  }

  private void dispatch(ByteBuf frame) {
    if (frame.readableBytes() < 4) {
      throw new KafkaCodecException(
          "request of " + frame.readableBytes() + " bytes is shorter than api key + version");
    }
    short apiKey = frame.getShort(frame.readerIndex());
    short version = frame.getShort(frame.readerIndex() + 2);
    Optional<KafkaRequestHandler> handler = registry.handlerFor(apiKey);
    Optional<ApiKeys> api = ApiKeys.forId(apiKey);
    if (handler.isEmpty() || api.isEmpty()) {
      closeWithWarning("unknown or unsupported api key " + apiKey + " (version " + version + ")");
      return;
    }
    boolean versionOk = handler.get().versions().contains(version);
    if (!versionOk && api.get() != ApiKeys.API_VERSIONS) {
      closeWithWarning(
          "unsupported version "
              + version
              + " of "
              + api.get().wireName()
              + " (key "
              + apiKey
              + ")");
      return;
    }
    RequestHeader header =
        RequestHeader.decode(new KafkaReader(frame), api.get().requestHeaderVersion(version));
    InFlightResponses.Slot slot = inFlight.add(header);
    CompletableFuture<KafkaResponse> future = handler.get().handle(new KafkaRequest(header, frame));
    future.whenComplete((response, error) -> onComplete(slot, response, error));
    if (inFlight.size() >= MAX_IN_FLIGHT) {
      ctx.channel().config().setAutoRead(false);
    }
  }

  private void onComplete(InFlightResponses.Slot slot, KafkaResponse response, Throwable error) {
    if (!ctx.executor().inEventLoop()) {
      try {
        ctx.executor().execute(() -> onComplete(slot, response, error));
      } catch (RejectedExecutionException e) {
        // the server is shutting down; the connection is gone with it
        if (response instanceof KafkaResponse.Encoded encoded) {
          encoded.body().release();
        }
      }
      return;
    }
    if (closing) {
      if (response instanceof KafkaResponse.Encoded encoded) {
        encoded.body().release();
      }
      return;
    }
    if (error != null || response == null) {
      LOG.log(
          Level.WARNING,
          "handler for api key "
              + slot.header().apiKey()
              + " failed on "
              + remote()
              + " (correlation id "
              + slot.header().correlationId()
              + "), closing",
          error);
      closeQuietly();
      return;
    }
    inFlight.complete(slot, response);
    try {
      if (inFlight.drainCompleted(this::write) > 0) {
        ctx.flush();
      }
    } catch (KafkaCodecException e) {
      closeWithWarning("cannot encode response: " + e.getMessage());
      return;
    }
    if (inFlight.size() < MAX_IN_FLIGHT && !ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  private void write(InFlightResponses.Slot slot) {
    KafkaResponse response = slot.response();
    if (response instanceof KafkaResponse.None) {
      return;
    }
    RequestHeader request = slot.header();
    ApiKeys api = ApiKeys.forId(request.apiKey()).orElseThrow();
    ResponseHeader header =
        new ResponseHeader(
            request.correlationId(), api.responseHeaderVersion(request.apiVersion()));
    ByteBuf out = ctx.alloc().buffer();
    try {
      out.writeInt(0);
      KafkaWriter writer = new KafkaWriter(out);
      header.encode(writer);
      if (response instanceof KafkaResponse.Message message) {
        message.encoder().encode(writer, request.apiVersion());
        out.setInt(0, out.readableBytes() - 4);
        ctx.write(out, ctx.voidPromise());
      } else if (response instanceof KafkaResponse.Encoded encoded) {
        out.setInt(0, out.readableBytes() - 4 + encoded.body().readableBytes());
        ctx.write(out, ctx.voidPromise());
        ctx.write(encoded.body(), ctx.voidPromise());
      }
    } catch (RuntimeException e) {
      out.release();
      if (response instanceof KafkaResponse.Encoded encoded) {
        encoded.body().release();
      }
      throw e;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closing = true;
    inFlight.releaseAll();
    ctx.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      LOG.log(Level.DEBUG, () -> "closing idle connection " + remote());
      closeQuietly();
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof DecoderException) {
      closeWithWarning("bad frame: " + cause.getMessage());
    } else if (cause instanceof IOException) {
      LOG.log(Level.DEBUG, () -> "I/O error on " + remote() + ": " + cause.getMessage());
      closeQuietly();
    } else {
      LOG.log(Level.WARNING, "unexpected error on " + remote() + ", closing", cause);
      closeQuietly();
    }
  }

  private void closeWithWarning(String reason) {
    LOG.log(Level.WARNING, "closing Kafka connection " + remote() + ": " + reason);
    closeQuietly();
  }

  private void closeQuietly() {
    if (!closing) {
      closing = true;
      inFlight.releaseAll();
      ctx.close();
    }
  }

  private Object remote() {
    return ctx.channel().remoteAddress();
  }
}
