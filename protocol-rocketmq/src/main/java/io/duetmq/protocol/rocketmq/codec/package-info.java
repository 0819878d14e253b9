/**
 * The RocketMQ remoting wire format: the {@link io.duetmq.protocol.rocketmq.codec.RemotingCommand}
 * value, frame and header codecs (JSON and ROCKETMQ binary), and their byte layouts. Pure functions
 * of bytes; no channel, no engine.
 */
package io.duetmq.protocol.rocketmq.codec;
