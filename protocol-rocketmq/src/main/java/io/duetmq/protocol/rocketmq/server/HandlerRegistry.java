package io.duetmq.protocol.rocketmq.server;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * Request code → handler and the executor it runs on.
 *
 * <p>Thread-safety: registration and lookup may race; lookups see a registration once it is
 * complete.
 */
final class HandlerRegistry {

  record Registration(RequestHandler handler, Executor executor) {}

  private final ConcurrentMap<Integer, Registration> byCode = new ConcurrentHashMap<>();
  private final Executor defaultExecutor;

  HandlerRegistry(Executor defaultExecutor) {
    this.defaultExecutor = Objects.requireNonNull(defaultExecutor, "defaultExecutor");
  }

  void register(int code, RequestHandler handler, Executor executor) {
    Registration registration =
        new Registration(
            Objects.requireNonNull(handler, "handler"),
            executor == null ? defaultExecutor : executor);
    if (byCode.putIfAbsent(code, registration) != null) {
      throw new IllegalStateException("a handler for request code " + code + " is registered");
    }
  }

  /** The registration for {@code code}, or null. */
  Registration lookup(int code) {
    return byCode.get(code);
  }
}
