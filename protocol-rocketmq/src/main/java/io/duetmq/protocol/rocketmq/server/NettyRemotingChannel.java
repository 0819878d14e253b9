package io.duetmq.protocol.rocketmq.server;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link RemotingChannel} over a Netty channel. Timeouts run on the channel's event loop, so no
 * extra timer thread is needed.
 *
 * <p>Thread-safety: thread-safe (Netty channels accept writes from any thread).
 */
final class NettyRemotingChannel implements RemotingChannel {

  private static final int FLAGS_CLEARED_ON_INVOKE =
      RemotingCommand.FLAG_RESPONSE | RemotingCommand.FLAG_ONEWAY;

  private final long id;
  private final Channel channel;
  private final PendingRequests pending;

  NettyRemotingChannel(long id, Channel channel, PendingRequests pending) {
    this.id = id;
    this.channel = channel;
    this.pending = pending;
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public String remoteAddress() {
    SocketAddress address = channel.remoteAddress();
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress() + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }

  @Override
  public boolean isActive() {
    return channel.isActive();
  }

  @Override
  public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, Duration timeout) {
    Objects.requireNonNull(request, "request");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (!channel.isActive()) {
      return CompletableFuture.failedFuture(notConnected(request));
    }
    PendingRequests.Pending entry = pending.register(this);
    CompletableFuture<RemotingCommand> future = entry.future();
    RemotingCommand outgoing =
        request.withOpaque(entry.opaque()).withFlag(request.flag() & ~FLAGS_CLEARED_ON_INVOKE);
    try {
      ScheduledFuture<?> timer =
          channel
              .eventLoop()
              .schedule(
                  () -> future.completeExceptionally(timedOut(outgoing, timeout)),
                  timeout.toNanos(),
                  TimeUnit.NANOSECONDS);
      future.whenComplete((response, failure) -> timer.cancel(false));
    } catch (RejectedExecutionException shuttingDown) {
      future.completeExceptionally(notConnected(request));
      return future;
    }
    channel
        .writeAndFlush(outgoing)
        .addListener(
            write -> {
              if (!write.isSuccess()) {
                future.completeExceptionally(sendFailed(outgoing, write.cause()));
              }
            });
    return future;
  }

  @Override
  public CompletableFuture<Void> invokeOneway(RemotingCommand request) {
    Objects.requireNonNull(request, "request");
    if (!channel.isActive()) {
      return CompletableFuture.failedFuture(notConnected(request));
    }
    RemotingCommand outgoing =
        request
            .withOpaque(pending.nextOpaque())
            .withFlag(
                (request.flag() & ~RemotingCommand.FLAG_RESPONSE) | RemotingCommand.FLAG_ONEWAY);
    CompletableFuture<Void> written = new CompletableFuture<>();
    channel
        .writeAndFlush(outgoing)
        .addListener(
            write -> {
              if (write.isSuccess()) {
                written.complete(null);
              } else {
                written.completeExceptionally(sendFailed(outgoing, write.cause()));
              }
            });
    return written;
  }

  @Override
  public void close() {
    channel.close();
  }

  /** Closes and waits until the socket is closed (not to be called on an I/O thread). */
  void closeAndWait() {
    channel.close().awaitUninterruptibly();
  }

  /** Writes a response; failures are reported to {@code onFailure}. */
  void writeResponse(RemotingCommand response, Consumer<Throwable> onFailure) {
    channel
        .writeAndFlush(response)
        .addListener(
            write -> {
              if (!write.isSuccess()) {
                onFailure.accept(write.cause());
              }
            });
  }

  @Override
  public String toString() {
    return "RemotingChannel[id=" + id + ", remote=" + remoteAddress() + "]";
  }

  private RemotingConnectionException notConnected(RemotingCommand request) {
    return new RemotingConnectionException(
        "connection to " + remoteAddress() + " is closed; request code " + request.code());
  }

  private RemotingConnectionException sendFailed(RemotingCommand request, Throwable cause) {
    return new RemotingConnectionException(
        "failed to send request code "
            + request.code()
            + " opaque "
            + request.opaque()
            + " to "
            + remoteAddress(),
        cause);
  }

  private RemotingTimeoutException timedOut(RemotingCommand request, Duration timeout) {
    return new RemotingTimeoutException(
        "no response to request code "
            + request.code()
            + " opaque "
            + request.opaque()
            + " from "
            + remoteAddress()
            + " within "
            + timeout.toMillis()
            + " ms");
  }
}
