package io.duetmq.store.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The {@code lock} file (an OS lock against two processes on one store) and the {@code abort}
 * marker (present while the store runs; found at start it means the last shutdown was not clean).
 * Both as RocketMQ lays them out.
 */
public final class StoreLock implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(StoreLock.class.getName());

  private final Path abortFile;
  private final FileChannel channel;
  private final FileLock lock;
  private final boolean uncleanShutdown;

  private StoreLock(Path abortFile, FileChannel channel, FileLock lock, boolean uncleanShutdown) {
    this.abortFile = abortFile;
    this.channel = channel;
    this.lock = lock;
    this.uncleanShutdown = uncleanShutdown;
  }

  /**
   * Locks the store and writes the abort marker.
   *
   * @throws IllegalStateException when another process holds the store
   */
  public static StoreLock acquire(Path storeRoot) {
    try {
      Files.createDirectories(storeRoot);
      FileChannel channel =
          FileChannel.open(
              storeRoot.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock(0, 1, false);
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("store " + storeRoot + " is in use by another process");
      }
      Path abort = storeRoot.resolve("abort");
      boolean unclean = Files.exists(abort);
      if (unclean) {
        LOG.log(System.Logger.Level.WARNING, "store {0} was not shut down cleanly", storeRoot);
      }
      Files.writeString(
          abort, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
      return new StoreLock(abort, channel, lock, unclean);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock store " + storeRoot, e);
    }
  }

  /** Whether the abort marker was present when the store was locked. */
  public boolean uncleanShutdown() {
    return uncleanShutdown;
  }

  /** Removes the abort marker (call only after everything was flushed) and releases the lock. */
  public void releaseClean() {
    try {
      Files.deleteIfExists(abortFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + abortFile, e);
    }
    close();
  }

  /** Releases the lock and leaves the abort marker (as after a crash). */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the store lock", e);
    }
  }
}
