package io.duetmq.protocol.kafka.server;

import io.duetmq.protocol.kafka.handler.KafkaHandlerRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka listener: accepts TCP connections, frames requests by their int32 size prefix
 * (rejecting frames above {@code socket.request.max.bytes}), and hands them to one {@link
 * KafkaConnectionHandler} per connection. Uses epoll when the native transport loads, else NIO.
 *
 * <p>Lifecycle: {@link #start()} binds (blocking until bound), {@link #close()} unbinds and stops
 * the event loops (blocking until they terminate). Both are thread-safe; start at most once.
 */
public final class KafkaServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(KafkaServer.class.getName());
  private static final int SIZE_PREFIX_BYTES = 4;

  private final KafkaServerConfig config;
  private final KafkaHandlerRegistry registry;
  private final boolean epoll;
  private EventLoopGroup bossGroup;
  private EventLoopGroup workerGroup;
  private Channel serverChannel;

  public KafkaServer(KafkaServerConfig config, KafkaHandlerRegistry registry) {
    this.config = config;
    this.registry = registry;
    this.epoll = Epoll.isAvailable();
  }

  /** Binds the listener; returns once it accepts connections. */
  public synchronized void start() {
    if (bossGroup != null) {
      throw new IllegalStateException("Kafka server already started on " + localAddress());
    }
    IoHandlerFactory ioFactory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelType =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    bossGroup = new MultiThreadIoEventLoopGroup(1, ioFactory);
    workerGroup = new MultiThreadIoEventLoopGroup(config.ioThreads(), ioFactory);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(channelType)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    initConnection(ch.pipeline());
                  }
                });
    try {
      serverChannel =
          bootstrap.bind(config.bindHost(), config.port()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      shutdownGroups();
      throw new IllegalStateException(
          "cannot bind Kafka listener to " + config.bindHost() + ":" + config.port(), e);
    }
    LOG.log(
        Level.INFO,
        () -> "Kafka listener on " + localAddress() + " (" + transport() + " transport)");
  }

  private void initConnection(ChannelPipeline pipeline) {
    long idleMillis = config.idleTimeout().toMillis();
    if (idleMillis > 0) {
      pipeline.addLast(new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
    }
    pipeline.addLast(
        new LengthFieldBasedFrameDecoder(
            config.maxRequestBytes() + SIZE_PREFIX_BYTES,
            0,
            SIZE_PREFIX_BYTES,
            0,
            SIZE_PREFIX_BYTES,
            true));
    pipeline.addLast(new KafkaConnectionHandler(registry));
  }

  /** The bound address (with the real port when configured with port 0). */
  public synchronized InetSocketAddress localAddress() {
    if (serverChannel == null) {
      throw new IllegalStateException("Kafka server not started");
    }
    return (InetSocketAddress) serverChannel.localAddress();
  }

  public int port() {
    return localAddress().getPort();
  }

  /** "epoll" or "nio". */
  public String transport() {
    return epoll ? "epoll" : "nio";
  }

  @Override
  public synchronized void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    shutdownGroups();
  }

  private void shutdownGroups() {
    if (bossGroup != null) {
      bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (workerGroup != null) {
      workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
