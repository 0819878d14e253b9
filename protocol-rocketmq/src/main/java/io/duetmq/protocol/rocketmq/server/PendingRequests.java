package io.duetmq.protocol.rocketmq.server;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests this endpoint sent and still waits for, by opaque, and the endpoint's opaque counter.
 * One instance per server or client, shared by all of its connections, so opaques are unique across
 * them; a response only completes a request sent on the same connection.
 *
 * <p>Thread-safety: thread-safe.
 */
final class PendingRequests {

  record Pending(
      NettyRemotingChannel channel, int opaque, CompletableFuture<RemotingCommand> future) {}

  private final AtomicInteger nextOpaque = new AtomicInteger();
  private final ConcurrentMap<Integer, Pending> byOpaque = new ConcurrentHashMap<>();

  /** The opaque for a request that expects no response. */
  int nextOpaque() {
    return nextOpaque.getAndIncrement();
  }

  /** Reserves a fresh opaque; the entry disappears when its future completes in any way. */
  Pending register(NettyRemotingChannel channel) {
    while (true) {
      int opaque = nextOpaque.getAndIncrement();
      Pending pending = new Pending(channel, opaque, new CompletableFuture<>());
      // after 2^32 requests the counter wraps; skip an opaque that is still waiting
      if (byOpaque.putIfAbsent(opaque, pending) == null) {
        pending.future().whenComplete((response, failure) -> byOpaque.remove(opaque, pending));
        return pending;
      }
    }
  }

  /**
   * Completes the request {@code response} answers.
   *
   * @return false when no request on {@code channel} waits for that opaque (e.g. it timed out)
   */
  boolean complete(NettyRemotingChannel channel, RemotingCommand response) {
    Pending pending = byOpaque.get(response.opaque());
    if (pending == null || pending.channel() != channel) {
      return false;
    }
    return pending.future().complete(response);
  }

  /** Fails every request still waiting on {@code channel}. */
  void failAll(NettyRemotingChannel channel, Throwable cause) {
    for (Pending pending : byOpaque.values()) {
      if (pending.channel() == channel) {
        pending.future().completeExceptionally(cause);
      }
    }
  }

  /** Number of requests waiting (for tests and metrics). */
  int size() {
    return byOpaque.size();
  }
}
