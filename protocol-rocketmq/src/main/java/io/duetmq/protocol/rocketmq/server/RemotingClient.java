package io.duetmq.protocol.rocketmq.server;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A RocketMQ remoting client holding one connection to one server ({@code host:port}). It sends
 * requests and matches responses by opaque, and answers requests the server sends to it with
 * registered {@link RequestHandler}s (unknown codes get REQUEST_CODE_NOT_SUPPORTED).
 *
 * <p>The client does not reconnect: when {@link #isActive()} turns false, create a new one.
 *
 * <p>Lifecycle: construct, register handlers, {@link #connect}, invoke, {@link #close()}.
 *
 * <p>Thread-safety: all methods are thread-safe. Futures complete on the client's I/O thread; do
 * not block in their callbacks.
 */
public final class RemotingClient implements AutoCloseable {

  private final RemotingClientConfig config;
  private final ThreadPoolExecutor defaultExecutor;
  private final HandlerRegistry handlers;
  private final CommandDispatcher dispatcher;
  private final EventLoopGroup group;
  private volatile NettyRemotingChannel channel;

  public RemotingClient(RemotingClientConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.defaultExecutor =
        HandlerExecutors.newDefaultPool(config.clientWorkerThreads(), "remoting-client-handler");
    this.handlers = new HandlerRegistry(defaultExecutor);
    this.dispatcher = new CommandDispatcher(handlers, new PendingRequests());
    this.group = Transport.newEventLoopGroup(1, "remoting-client-io");
  }

  /** Answers server→client requests with {@code requestCode} on the default handler pool. */
  public void registerHandler(int requestCode, RequestHandler handler) {
    handlers.register(requestCode, handler, null);
  }

  /** Answers server→client requests with {@code requestCode} on {@code executor}. */
  public void registerHandler(int requestCode, RequestHandler handler, Executor executor) {
    handlers.register(requestCode, handler, Objects.requireNonNull(executor, "executor"));
  }

  /** Calls {@code listener} on the I/O thread once the connection closed. */
  public void addCloseListener(Consumer<RemotingChannel> listener) {
    dispatcher.addCloseListener(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Connects, waiting at most the configured connect timeout.
   *
   * @return the connection
   * @throws IllegalStateException when already connected
   * @throws RemotingConnectionException when the connection cannot be made
   */
  public synchronized RemotingChannel connect(String host, int port) {
    if (channel != null) {
      throw new IllegalStateException("already connected to " + channel.remoteAddress());
    }
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(Transport.clientChannelClass())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.connectTimeoutMillis())
            .handler(
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    RemotingPipeline.install(
                        ch.pipeline(),
                        config.maxFrameLength(),
                        config.channelMaxIdleTimeSeconds(),
                        dispatcher);
                  }
                });
    ChannelFuture connect = bootstrap.connect(host, port).awaitUninterruptibly();
    if (!connect.isSuccess()) {
      throw new RemotingConnectionException(
          "cannot connect to " + host + ":" + port, connect.cause());
    }
    channel = dispatcher.remotingChannel(connect.channel());
    return channel;
  }

  /** True while connected. */
  public boolean isActive() {
    NettyRemotingChannel current = channel;
    return current != null && current.isActive();
  }

  /**
   * Sends {@code request} and waits for its response.
   *
   * @throws RemotingTimeoutException when no response came within {@code timeout}
   * @throws RemotingConnectionException when the request could not be sent or the connection closed
   *     first
   * @throws InterruptedException when interrupted while waiting
   */
  public RemotingCommand invokeSync(RemotingCommand request, Duration timeout)
      throws InterruptedException {
    try {
      return invokeAsync(request, timeout).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new RemotingConnectionException("request code " + request.code() + " failed", e);
    }
  }

  /** Sends {@code request}; see {@link RemotingChannel#invoke}. */
  public CompletableFuture<RemotingCommand> invokeAsync(RemotingCommand request, Duration timeout) {
    return connected().invoke(request, timeout);
  }

  /** Sends {@code request} as oneway; see {@link RemotingChannel#invokeOneway}. */
  public CompletableFuture<Void> invokeOneway(RemotingCommand request) {
    return connected().invokeOneway(request);
  }

  /** Closes the connection and stops the client's threads. Idempotent. */
  @Override
  public synchronized void close() {
    NettyRemotingChannel current = channel;
    if (current != null) {
      current.closeAndWait();
    }
    group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
    HandlerExecutors.shutdown(defaultExecutor);
  }

  private NettyRemotingChannel connected() {
    NettyRemotingChannel current = channel;
    if (current == null) {
      throw new IllegalStateException("not connected; call connect(host, port) first");
    }
    return current;
  }
}
