package io.duetmq.namesrv.handler;

import io.duetmq.namesrv.codec.NamesrvJsonEncoder;
import io.duetmq.namesrv.kv.KvConfigStore;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * GET_KVLIST_BY_NAMESPACE (219): header {@code namespace}. SUCCESS with body {@code
 * {"table":{...}}}, or QUERY_NOT_FOUND (22) when the namespace has no keys.
 */
public final class GetKvListByNamespaceHandler extends ImmediateHandler {

  private final KvConfigStore kv;

  public GetKvListByNamespaceHandler(KvConfigStore kv) {
    this.kv = Objects.requireNonNull(kv, "kv");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    String namespace = HeaderFields.required(request, "namespace");
    Optional<Map<String, String>> table = kv.namespace(namespace);
    if (table.isEmpty()) {
      return RemotingCommand.responseTo(
          request, NamesrvResponseCode.QUERY_NOT_FOUND, "No config item, Namespace: " + namespace);
    }
    return success(request).withBody(NamesrvJsonEncoder.kvTable(table.get()));
  }
}
