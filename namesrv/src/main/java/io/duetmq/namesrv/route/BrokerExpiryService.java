package io.duetmq.namesrv.route;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Owns one daemon thread that calls {@link RouteTables#expireInactive()} at a fixed interval
 * (RocketMQ's {@code scanNotActiveBrokerInterval}, 5 s). Which brokers expire is decided by the
 * tables' clock, so tests move that clock instead of waiting.
 *
 * <p>Thread-safety: {@link #start()} and {@link #close()} are thread-safe and idempotent.
 */
public final class BrokerExpiryService implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(BrokerExpiryService.class.getName());

  private final RouteTables routes;
  private final long intervalMillis;
  private ScheduledExecutorService executor;

  public BrokerExpiryService(RouteTables routes, long intervalMillis) {
    this.routes = Objects.requireNonNull(routes, "routes");
    if (intervalMillis < 1) {
      throw new IllegalArgumentException("intervalMillis must be positive: " + intervalMillis);
    }
    this.intervalMillis = intervalMillis;
  }

  /** Starts the periodic scan. */
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "namesrv-broker-expiry");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::scanOnce, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  private void scanOnce() {
    try {
      routes.expireInactive();
    } catch (RuntimeException e) {
      // keep scanning: one failed pass must not end liveness checks for good
      LOG.log(Level.ERROR, "broker expiry scan failed", e);
    }
  }

  /** Stops the scan and waits up to 5 s for a running pass. */
  @Override
  public synchronized void close() {
    if (executor == null) {
      return;
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
  }
}
