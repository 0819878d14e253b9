package io.duetmq.protocol.rocketmq.server;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Picks native epoll when its JNI library loads, NIO otherwise; decided once per JVM. */
final class Transport {

  static final boolean EPOLL = Epoll.isAvailable();

  private Transport() {}

  /** "epoll" or "nio". */
  static String name() {
    return EPOLL ? "epoll" : "nio";
  }

  static EventLoopGroup newEventLoopGroup(int threads, String threadNamePrefix) {
    IoHandlerFactory factory = EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(
        threads, new DefaultThreadFactory(threadNamePrefix, true), factory);
  }

  static Class<? extends ServerChannel> serverChannelClass() {
    return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  static Class<? extends Channel> clientChannelClass() {
    return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
  }
}
