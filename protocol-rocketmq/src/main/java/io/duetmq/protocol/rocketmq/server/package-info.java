/**
 * Netty transport for RocketMQ remoting: {@link io.duetmq.protocol.rocketmq.server.RemotingServer}
 * and {@link io.duetmq.protocol.rocketmq.server.RemotingClient} dispatch requests by code to {@link
 * io.duetmq.protocol.rocketmq.server.RequestHandler}s and match responses by opaque. Netty types
 * stay inside this package; handlers see only {@link
 * io.duetmq.protocol.rocketmq.server.RemotingChannel}.
 */
package io.duetmq.protocol.rocketmq.server;
