package io.duetmq.protocol.rocketmq.server;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One remoting connection as handlers and close listeners see it: who is on the other side, and a
 * way to send that peer requests of our own (e.g. a broker's CHECK_TRANSACTION_STATE to a
 * producer).
 *
 * <p>Thread-safety: all methods may be called from any thread. Futures returned by {@link #invoke}
 * complete on the connection's I/O thread: do not block in their callbacks (use the {@code *Async}
 * variants to move work elsewhere).
 */
public interface RemotingChannel {

  /** A process-wide unique id of this connection (stable for its lifetime). */
  long id();

  /** The peer's address as {@code ip:port} (or the transport's text for non-IP channels). */
  String remoteAddress();

  /** True while the connection is open. */
  boolean isActive();

  /**
   * Sends {@code request} to the peer and completes with its response.
   *
   * <p>The request's opaque is replaced with the next value of this endpoint's own counter, and its
   * response and oneway flag bits are cleared.
   *
   * @return a future that fails with {@link RemotingTimeoutException} after {@code timeout}, or
   *     with {@link RemotingConnectionException} when the request cannot be written or the
   *     connection closes first
   */
  CompletableFuture<RemotingCommand> invoke(RemotingCommand request, Duration timeout);

  /**
   * Sends {@code request} with the oneway flag set and a fresh opaque; the peer will not answer.
   *
   * @return a future that completes when the bytes were handed to the socket, or fails with {@link
   *     RemotingConnectionException}
   */
  CompletableFuture<Void> invokeOneway(RemotingCommand request);

  /** Closes the connection; pending invocations fail and close listeners run. */
  void close();
}
