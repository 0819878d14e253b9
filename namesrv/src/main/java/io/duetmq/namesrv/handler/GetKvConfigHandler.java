package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.kv.KvConfigStore;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Map;
import java.util.Objects;

/**
 * GET_KV_CONFIG (101): header {@code namespace}, {@code key}. SUCCESS with header {@code value}, or
 * QUERY_NOT_FOUND (22) with RocketMQ's remark.
 */
public final class GetKvConfigHandler extends ImmediateHandler {

  private final KvConfigStore kv;

  public GetKvConfigHandler(KvConfigStore kv) {
    this.kv = Objects.requireNonNull(kv, "kv");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    String namespace = HeaderFields.required(request, "namespace");
    String key = HeaderFields.required(request, "key");
    String value = kv.get(namespace, key);
    if (value == null) {
      return RemotingCommand.responseTo(
          request,
          NamesrvResponseCode.QUERY_NOT_FOUND,
          "No config item, Namespace: " + namespace + " Key: " + key);
    }
    return success(request).withExtFields(Map.of("value", value));
  }
}
