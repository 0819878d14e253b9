package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.kv.KvConfigStore;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Objects;

/**
 * DELETE_KV_CONFIG (102): header {@code namespace}, {@code key}. Answers SUCCESS whether or not the
 * key existed.
 */
public final class DeleteKvConfigHandler extends ImmediateHandler {

  private final KvConfigStore kv;

  public DeleteKvConfigHandler(KvConfigStore kv) {
    this.kv = Objects.requireNonNull(kv, "kv");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    kv.delete(HeaderFields.required(request, "namespace"), HeaderFields.required(request, "key"));
    return success(request);
  }
}
