package io.duetmq.protocol.rocketmq.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A RocketMQ remoting server: accepts connections, decodes frames, dispatches requests by code to
 * registered {@link RequestHandler}s and lets handlers send requests back to clients over {@link
 * RemotingChannel}. Behaviour on bad input and close is described on {@link CommandDispatcher} and
 * in the module README.
 *
 * <p>Lifecycle: construct, register handlers and listeners, {@link #start()}, {@link #close()}.
 * Handlers may also be registered after start.
 *
 * <p>Thread-safety: all methods are thread-safe.
 */
public final class RemotingServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(RemotingServer.class.getName());

  private final RemotingServerConfig config;
  private final ThreadPoolExecutor defaultExecutor;
  private final HandlerRegistry handlers;
  private final CommandDispatcher dispatcher;
  // closed explicitly on close(): shutting the event loops down alone does not reliably close them
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private EventLoopGroup bossGroup;
  private EventLoopGroup workerGroup;
  private Channel serverChannel;
  private int port = -1;

  public RemotingServer(RemotingServerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.defaultExecutor =
        HandlerExecutors.newDefaultPool(config.serverWorkerThreads(), "remoting-server-handler");
    this.handlers = new HandlerRegistry(defaultExecutor);
    this.dispatcher = new CommandDispatcher(handlers, new PendingRequests());
  }

  /** Runs {@code handler} for {@code requestCode} on the server's default handler pool. */
  public void registerHandler(int requestCode, RequestHandler handler) {
    handlers.register(requestCode, handler, null);
  }

  /**
   * Runs {@code handler} for {@code requestCode} on {@code executor}. An executor that rejects a
   * task makes the request answer SYSTEM_BUSY (2).
   *
   * @throws IllegalStateException when the code already has a handler
   */
  public void registerHandler(int requestCode, RequestHandler handler, Executor executor) {
    handlers.register(requestCode, handler, Objects.requireNonNull(executor, "executor"));
  }

  /** Calls {@code listener} on an I/O thread after each connection closed, for any reason. */
  public void addCloseListener(Consumer<RemotingChannel> listener) {
    dispatcher.addCloseListener(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Binds and starts accepting connections.
   *
   * @return the bound port (the ephemeral one when configured with 0)
   * @throws IllegalStateException when already started or the address cannot be bound
   */
  public synchronized int start() {
    if (serverChannel != null) {
      throw new IllegalStateException("already started on port " + port);
    }
    bossGroup = Transport.newEventLoopGroup(1, "remoting-server-accept");
    workerGroup = Transport.newEventLoopGroup(config.serverSelectorThreads(), "remoting-server-io");
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(Transport.serverChannelClass())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, false)
            .childHandler(
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    connections.add(channel);
                    RemotingPipeline.install(
                        channel.pipeline(),
                        config.maxFrameLength(),
                        config.channelMaxIdleTimeSeconds(),
                        dispatcher);
                  }
                });
    ChannelFuture bind =
        bootstrap.bind(config.bindAddress(), config.listenPort()).awaitUninterruptibly();
    if (!bind.isSuccess()) {
      shutdownGroups();
      throw new IllegalStateException(
          "cannot listen on " + config.bindAddress() + ":" + config.listenPort(), bind.cause());
    }
    serverChannel = bind.channel();
    port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    LOG.log(
        Level.INFO,
        "remoting server listening on {0}:{1,number,#} ({2})",
        config.bindAddress(),
        port,
        Transport.name());
    return port;
  }

  /** The bound port, or -1 before {@link #start()}. */
  public synchronized int port() {
    return port;
  }

  /** The I/O transport in use: "epoll" when the native library loaded, else "nio". */
  public String transport() {
    return Transport.name();
  }

  /**
   * Stops accepting, closes all connections (their close listeners run), and waits a bounded time
   * for I/O threads and running handlers. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly();
      serverChannel = null;
    }
    connections.close().awaitUninterruptibly();
    shutdownGroups();
    HandlerExecutors.shutdown(defaultExecutor);
  }

  private void shutdownGroups() {
    if (bossGroup != null) {
      bossGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
      bossGroup = null;
    }
    if (workerGroup != null) {
      workerGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
      workerGroup = null;
    }
  }
}
