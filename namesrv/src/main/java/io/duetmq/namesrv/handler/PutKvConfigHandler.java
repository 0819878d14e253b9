package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.kv.KvConfigStore;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Objects;

/**
 * PUT_KV_CONFIG (100): header {@code namespace}, {@code key}, {@code value}. Persists before it
 * answers SUCCESS; SYSTEM_ERROR when a field is missing or the file cannot be written.
 */
public final class PutKvConfigHandler extends ImmediateHandler {

  private final KvConfigStore kv;

  public PutKvConfigHandler(KvConfigStore kv) {
    this.kv = Objects.requireNonNull(kv, "kv");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    kv.put(
        HeaderFields.required(request, "namespace"),
        HeaderFields.required(request, "key"),
        HeaderFields.required(request, "value"));
    return success(request);
  }
}
