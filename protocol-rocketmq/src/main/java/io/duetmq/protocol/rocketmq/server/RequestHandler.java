package io.duetmq.protocol.rocketmq.server;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import java.util.concurrent.CompletableFuture;

/**
 * Answers one request code. Runs on the executor it was registered with, never on an I/O thread
 * unless registered with a direct executor.
 *
 * <p>The returned future's value is sent as the response; the transport sets the request's opaque
 * and the response flag on it if the handler did not (use {@link RemotingCommand#responseTo}). A
 * null future or a null value means "send nothing". A thrown exception or a failed future is
 * answered with SYSTEM_ERROR (1). Nothing is sent for oneway requests, whatever the handler
 * returns.
 */
@FunctionalInterface
public interface RequestHandler {

  /**
   * Handles {@code request} that arrived on {@code channel}.
   *
   * @return the response, completed now or later (e.g. after a flush or a long poll)
   */
  CompletableFuture<RemotingCommand> handle(RemotingCommand request, RemotingChannel channel);
}
