package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.ResponseCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Builds responses the way every handler answers: our version, the request's opaque and
 * serialization.
 */
public final class Responses {
  private Responses() {}

  /** SUCCESS with the given header fields (values stringified) and body (null for none). */
  public static RemotingCommand success(
      RemotingCommand request, Map<String, ?> header, byte[] body) {
    Map<String, String> ext = new LinkedHashMap<>();
    header.forEach((k, v) -> ext.put(k, String.valueOf(v)));
    return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
        .withExtFields(ext)
        .withBody(body);
  }

  public static CompletableFuture<RemotingCommand> successNow(
      RemotingCommand request, Map<String, ?> header) {
    return CompletableFuture.completedFuture(success(request, header, null));
  }

  /** An error response with {@code code} and {@code remark}. */
  public static RemotingCommand error(RemotingCommand request, int code, String remark) {
    return RemotingCommand.responseTo(request, code, remark);
  }

  public static CompletableFuture<RemotingCommand> errorNow(
      RemotingCommand request, int code, String remark) {
    return CompletableFuture.completedFuture(error(request, code, remark));
  }
}
