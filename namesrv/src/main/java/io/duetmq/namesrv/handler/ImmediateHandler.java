package io.duetmq.namesrv.handler;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;

/**
 * Base of the NameServer handlers: they answer at once. Bad input ({@link
 * IllegalArgumentException}) becomes SYSTEM_ERROR with the reason as remark and no stack trace in
 * the log; a failed disk write (KV store) becomes SYSTEM_ERROR and a WARNING.
 */
abstract class ImmediateHandler implements RequestHandler {

  private static final System.Logger LOG = System.getLogger(ImmediateHandler.class.getName());

  @Override
  public final CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    RemotingCommand response;
    try {
      response = answer(request, channel);
    } catch (IllegalArgumentException e) {
      LOG.log(
          Level.DEBUG,
          "bad request code {0} from {1}: {2}",
          request.code(),
          channel.remoteAddress(),
          e.getMessage());
      response = error(request, e.getMessage());
    } catch (UncheckedIOException e) {
      LOG.log(Level.WARNING, "request code " + request.code() + " failed", e);
      response = error(request, e.getMessage());
    }
    return CompletableFuture.completedFuture(response);
  }

  /** Answers {@code request}; may throw {@link IllegalArgumentException} for bad input. */
  abstract RemotingCommand answer(RemotingCommand request, RemotingChannel channel);

  static RemotingCommand success(RemotingCommand request) {
    return RemotingCommand.responseTo(request, NamesrvResponseCode.SUCCESS, null);
  }

  static RemotingCommand error(RemotingCommand request, String remark) {
    return RemotingCommand.responseTo(request, NamesrvResponseCode.SYSTEM_ERROR, remark);
  }
}
