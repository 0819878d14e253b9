package io.duetmq.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Immutable store settings, validated once here. Names in {@code broker.conf} follow Apache
 * RocketMQ's (see {@link StoreConfigKeys}).
 *
 * @param storeRoot the data directory ({@code storePathRootDir})
 * @param commitLogSegmentSize bytes per commit-log segment ({@code mappedFileSizeCommitLog}); an
 *     existing store's segment size wins over this value
 * @param flushDiskType when appends are acknowledged relative to fsync
 * @param flushIntervalMillis async flush period ({@code flushIntervalCommitLog})
 * @param flushLeastPages async flush only when at least this many 4 KiB pages are dirty
 * @param flushThoroughIntervalMillis async flush regardless of dirty pages at least this often
 * @param syncFlushTimeoutMillis SYNC_FLUSH: answer FLUSH_DISK_TIMEOUT when no fsync covered a
 *     record within this time
 * @param maxMessageSize largest body accepted ({@code maxMessageSize})
 * @param consumeQueueEntriesPerFile entries per consume-queue file
 * @param indexMaxHashSlots hash slots per index file ({@code maxHashSlotNum})
 * @param indexMaxEntries entries per index file ({@code maxIndexNum})
 * @param fileReservedHours segments older than this are deleted ({@code fileReservedTime})
 * @param deleteWhen hours of the day (e.g. {@code "04"} or {@code "04;16"}) in which expired
 *     segments are deleted
 * @param diskMaxUsedSpaceRatio above this disk usage percentage expired segments are deleted at any
 *     hour
 * @param diskForceCleanRatio above this percentage the oldest segments are deleted even if not
 *     expired
 * @param cleanIntervalMillis how often retention runs ({@code cleanResourceInterval})
 * @param derivedFlushIntervalMillis how often consume queues, index and checkpoint are flushed
 * @param storeHost the address written as STOREHOST into every record (broker IP and listen port)
 * @param checkCrcOnRecover verify body CRCs while validating the log on start-up
 */
public record StoreConfig(
    Path storeRoot,
    int commitLogSegmentSize,
    FlushDiskType flushDiskType,
    int flushIntervalMillis,
    int flushLeastPages,
    int flushThoroughIntervalMillis,
    int syncFlushTimeoutMillis,
    int maxMessageSize,
    int consumeQueueEntriesPerFile,
    int indexMaxHashSlots,
    int indexMaxEntries,
    int fileReservedHours,
    String deleteWhen,
    int diskMaxUsedSpaceRatio,
    int diskForceCleanRatio,
    int cleanIntervalMillis,
    int derivedFlushIntervalMillis,
    InetSocketAddress storeHost,
    boolean checkCrcOnRecover) {

  public static final int DEFAULT_SEGMENT_SIZE = 1 << 30;

  public StoreConfig {
    Objects.requireNonNull(storeRoot, "storeRoot");
    Objects.requireNonNull(flushDiskType, "flushDiskType");
    Objects.requireNonNull(deleteWhen, "deleteWhen");
    Objects.requireNonNull(storeHost, "storeHost");
    if (storeHost.getAddress() == null) {
      throw new IllegalArgumentException("storeHost must be a resolved address: " + storeHost);
    }
    atLeast("mappedFileSizeCommitLog", commitLogSegmentSize, 4096);
    positive("flushIntervalCommitLog", flushIntervalMillis);
    atLeast("flushCommitLogLeastPages", flushLeastPages, 0);
    positive("flushCommitLogThoroughInterval", flushThoroughIntervalMillis);
    positive("syncFlushTimeout", syncFlushTimeoutMillis);
    positive("maxMessageSize", maxMessageSize);
    if (maxMessageSize > commitLogSegmentSize / 2) {
      throw new IllegalArgumentException(
          "maxMessageSize "
              + maxMessageSize
              + " must be at most half of mappedFileSizeCommitLog "
              + commitLogSegmentSize);
    }
    positive("consumeQueueEntriesPerFile", consumeQueueEntriesPerFile);
    positive("maxHashSlotNum", indexMaxHashSlots);
    positive("maxIndexNum", indexMaxEntries);
    positive("fileReservedTime", fileReservedHours);
    percent("diskMaxUsedSpaceRatio", diskMaxUsedSpaceRatio);
    percent("diskSpaceCleanForciblyRatio", diskForceCleanRatio);
    positive("cleanResourceInterval", cleanIntervalMillis);
    positive("flushIntervalConsumeQueue", derivedFlushIntervalMillis);
  }

  /** The defaults for a store under {@code root}, with the store host 127.0.0.1:10911. */
  public static StoreConfig defaults(Path root) {
    return new StoreConfig(
        root,
        DEFAULT_SEGMENT_SIZE,
        FlushDiskType.ASYNC_FLUSH,
        500,
        4,
        10_000,
        5_000,
        4 * 1024 * 1024,
        300_000,
        5_000_000,
        20_000_000,
        72,
        "04",
        75,
        85,
        10_000,
        1_000,
        new InetSocketAddress("127.0.0.1", 10911),
        true);
  }

  public StoreConfig withCommitLogSegmentSize(int value) {
    return copy(
        c -> {
          c.commitLogSegmentSize = value;
          c.maxMessageSize = Math.min(c.maxMessageSize, value / 2);
        });
  }

  public StoreConfig withFlushDiskType(FlushDiskType value) {
    return copy(c -> c.flushDiskType = value);
  }

  public StoreConfig withSmallDerivedFiles(
      int entriesPerQueueFile, int hashSlots, int indexEntries) {
    return copy(
        c -> {
          c.consumeQueueEntriesPerFile = entriesPerQueueFile;
          c.indexMaxHashSlots = hashSlots;
          c.indexMaxEntries = indexEntries;
        });
  }

  public StoreConfig withRetention(
      int reservedHours, String hours, int maxUsedRatio, int forceRatio) {
    return copy(
        c -> {
          c.fileReservedHours = reservedHours;
          c.deleteWhen = hours;
          c.diskMaxUsedSpaceRatio = maxUsedRatio;
          c.diskForceCleanRatio = forceRatio;
        });
  }

  public StoreConfig withStoreHost(InetSocketAddress value) {
    return copy(c -> c.storeHost = value);
  }

  /** This config with the changes {@code edit} makes to a mutable copy; validated again. */
  private StoreConfig copy(Consumer<Copy> edit) {
    Copy c = new Copy(this);
    edit.accept(c);
    return c.build();
  }

  /** The fields of a config while one is derived from another (the withers above). */
  private static final class Copy {
    Path storeRoot;
    int commitLogSegmentSize;
    FlushDiskType flushDiskType;
    int flushIntervalMillis;
    int flushLeastPages;
    int flushThoroughIntervalMillis;
    int syncFlushTimeoutMillis;
    int maxMessageSize;
    int consumeQueueEntriesPerFile;
    int indexMaxHashSlots;
    int indexMaxEntries;
    int fileReservedHours;
    String deleteWhen;
    int diskMaxUsedSpaceRatio;
    int diskForceCleanRatio;
    int cleanIntervalMillis;
    int derivedFlushIntervalMillis;
    InetSocketAddress storeHost;
    boolean checkCrcOnRecover;

    Copy(StoreConfig s) {
      storeRoot = s.storeRoot;
      commitLogSegmentSize = s.commitLogSegmentSize;
      flushDiskType = s.flushDiskType;
      flushIntervalMillis = s.flushIntervalMillis;
      flushLeastPages = s.flushLeastPages;
      flushThoroughIntervalMillis = s.flushThoroughIntervalMillis;
      syncFlushTimeoutMillis = s.syncFlushTimeoutMillis;
      maxMessageSize = s.maxMessageSize;
      consumeQueueEntriesPerFile = s.consumeQueueEntriesPerFile;
      indexMaxHashSlots = s.indexMaxHashSlots;
      indexMaxEntries = s.indexMaxEntries;
      fileReservedHours = s.fileReservedHours;
      deleteWhen = s.deleteWhen;
      diskMaxUsedSpaceRatio = s.diskMaxUsedSpaceRatio;
      diskForceCleanRatio = s.diskForceCleanRatio;
      cleanIntervalMillis = s.cleanIntervalMillis;
      derivedFlushIntervalMillis = s.derivedFlushIntervalMillis;
      storeHost = s.storeHost;
      checkCrcOnRecover = s.checkCrcOnRecover;
    }

    StoreConfig build() {
      return new StoreConfig(
          storeRoot,
          commitLogSegmentSize,
          flushDiskType,
          flushIntervalMillis,
          flushLeastPages,
          flushThoroughIntervalMillis,
          syncFlushTimeoutMillis,
          maxMessageSize,
          consumeQueueEntriesPerFile,
          indexMaxHashSlots,
          indexMaxEntries,
          fileReservedHours,
          deleteWhen,
          diskMaxUsedSpaceRatio,
          diskForceCleanRatio,
          cleanIntervalMillis,
          derivedFlushIntervalMillis,
          storeHost,
          checkCrcOnRecover);
    }
  }

  public Path commitLogDir() {
    return storeRoot.resolve("commitlog");
  }

  /** DuetMQ's own consume queues (RocketMQ's {@code consumequeue/} is left alone). */
  public Path consumeQueueDir() {
    return storeRoot.resolve("duetmq").resolve("consumequeue");
  }

  /** DuetMQ's own index files (RocketMQ's {@code index/} is left alone). */
  public Path indexDir() {
    return storeRoot.resolve("duetmq").resolve("index");
  }

  private static void positive(String name, long value) {
    atLeast(name, value, 1);
  }

  private static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " = " + value + ", must be >= " + min);
    }
  }

  private static void percent(String name, int value) {
    if (value < 1 || value > 99) {
      throw new IllegalArgumentException(name + " = " + value + ", must be within 1..99");
    }
  }
}
