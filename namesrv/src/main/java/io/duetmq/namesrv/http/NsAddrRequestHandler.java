package io.duetmq.namesrv.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Answers {@code GET /rocketmq/<subgroup>} (also {@code /rocketmq/<subgroup>-<unit>}, which clients
 * with a unit name request, and any query string) with the {@code ;}-separated NameServer list as
 * {@code text/plain}. Anything else: 404, 405 for other methods, 400 for undecodable requests.
 * Every response closes the connection (clients fetch once per 2 minutes).
 *
 * <p>Thread-safety: stateless apart from the address supplier, which must be thread-safe; one
 * instance may serve all connections.
 */
final class NsAddrRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final System.Logger LOG = System.getLogger(NsAddrRequestHandler.class.getName());

  private final String path;
  private final Supplier<String> addresses;

  NsAddrRequestHandler(String subgroup, Supplier<String> addresses) {
    this.path = "/rocketmq/" + subgroup;
    this.addresses = addresses;
  }

  @Override
  public boolean isSharable() {
    return true;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!request.decoderResult().isSuccess()) {
      respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "bad request\n");
      return;
    }
    if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
      respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "GET only\n");
      return;
    }
    String requested = new QueryStringDecoder(request.uri()).path();
    if (!requested.equals(path) && !requested.startsWith(path + "-")) {
      respond(ctx, request, HttpResponseStatus.NOT_FOUND, "try " + path + "\n");
      return;
    }
    respond(ctx, request, HttpResponseStatus.OK, addresses.get());
  }

  private static void respond(
      ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteBuf content =
        HttpMethod.HEAD.equals(request.method())
            ? Unpooled.EMPTY_BUFFER
            : Unpooled.wrappedBuffer(bytes);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(
        Level.DEBUG, "address endpoint: closing {0}: {1}", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
