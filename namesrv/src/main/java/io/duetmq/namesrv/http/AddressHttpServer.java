package io.duetmq.namesrv.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A tiny HTTP server (one Netty NIO thread) that plays RocketMQ's "address server": clients started
 * with {@code -Drocketmq.namesrv.domain=<host>:<port>} request {@code
 * http://<host>:<port>/rocketmq/<subgroup>} and get the NameServer list. See {@link
 * NsAddrRequestHandler} for the answers.
 *
 * <p>Lifecycle: construct, {@link #start()}, {@link #close()}. Thread-safety: thread-safe.
 */
public final class AddressHttpServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(AddressHttpServer.class.getName());

  /** Largest request accepted (a GET line and a few headers). */
  private static final int MAX_REQUEST_BYTES = 8192;

  private final String bindAddress;
  private final int listenPort;
  private final NsAddrRequestHandler handler;
  private EventLoopGroup group;
  private Channel serverChannel;
  private int port = -1;

  /**
   * @param subgroup the path below {@code /rocketmq/} ({@code rocketmq.namesrv.domain.subgroup},
   *     default {@code nsaddr})
   * @param addresses the {@code ;}-separated list to answer with; called per request
   */
  public AddressHttpServer(
      String bindAddress, int listenPort, String subgroup, Supplier<String> addresses) {
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    if (listenPort < 0 || listenPort > 65535) {
      throw new IllegalArgumentException("listenPort must be in 0..65535: " + listenPort);
    }
    this.listenPort = listenPort;
    this.handler =
        new NsAddrRequestHandler(
            Objects.requireNonNull(subgroup, "subgroup"),
            Objects.requireNonNull(addresses, "addresses"));
  }

  /**
   * Binds and starts serving.
   *
   * @return the bound port
   * @throws IllegalStateException when already started or the port cannot be bound
   */
  public synchronized int start() {
    if (serverChannel != null) {
      throw new IllegalStateException("already started on port " + port);
    }
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    channel
                        .pipeline()
                        .addLast(new ReadTimeoutHandler(30, TimeUnit.SECONDS))
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                        .addLast(handler);
                  }
                });
    ChannelFuture bind = bootstrap.bind(bindAddress, listenPort).awaitUninterruptibly();
    if (!bind.isSuccess()) {
      shutdownGroup();
      throw new IllegalStateException(
          "cannot listen on " + bindAddress + ":" + listenPort, bind.cause());
    }
    serverChannel = bind.channel();
    port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    LOG.log(
        Level.INFO,
        "NameServer address endpoint on http://{0}:{1,number,#}/rocketmq/",
        bindAddress,
        port);
    return port;
  }

  /** The bound port, or -1 before {@link #start()}. */
  public synchronized int port() {
    return port;
  }

  /** Stops serving; idempotent. */
  @Override
  public synchronized void close() {
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly();
      serverChannel = null;
    }
    shutdownGroup();
  }

  private void shutdownGroup() {
    if (group != null) {
      group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
      group = null;
    }
  }
}
