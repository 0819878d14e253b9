package io.duetmq.store;

import java.lang.System.Logger.Level;

/**
 * Whether the store may still accept writes. A fault that could corrupt state (a failed fsync, an
 * I/O error while writing) stops writes for good and is reported here; reads continue. Thread-safe.
 */
public final class StoreHealth {
  private static final System.Logger LOG = System.getLogger(StoreHealth.class.getName());

  private volatile String fault;

  /** Records the first fault; later faults are logged only. */
  public void fail(String reason, Throwable cause) {
    synchronized (this) {
      if (fault == null) {
        fault = reason + (cause == null ? "" : ": " + cause);
      }
    }
    LOG.log(Level.ERROR, "store fault, writes stopped: " + reason, cause);
  }

  public boolean isHealthy() {
    return fault == null;
  }

  /** The first fault's description, or null while healthy. */
  public String fault() {
    return fault;
  }
}
