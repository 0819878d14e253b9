package io.duetmq.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code broker.conf} keys the store understands, with Apache RocketMQ's names and defaults,
 * and the one place that turns such properties into a {@link StoreConfig}. Unknown keys are left to
 * other modules; malformed values fail with the key and value in the message.
 */
public final class StoreConfigKeys {
  /** One key: its name, its default as written in a config file, and what it means. */
  public record Key(String name, String defaultValue, String doc) {}

  public static final List<Key> KEYS =
      List.of(
          new Key("storePathRootDir", "./data", "store directory"),
          new Key("mappedFileSizeCommitLog", "1073741824", "bytes per commit-log segment"),
          new Key("flushDiskType", "ASYNC_FLUSH", "ASYNC_FLUSH or SYNC_FLUSH (group commit)"),
          new Key("flushIntervalCommitLog", "500", "async flush period, ms"),
          new Key(
              "flushCommitLogLeastPages",
              "4",
              "async flush when at least this many pages are dirty"),
          new Key("flushCommitLogThoroughInterval", "10000", "async flush at least this often, ms"),
          new Key("syncFlushTimeout", "5000", "SYNC_FLUSH: FLUSH_DISK_TIMEOUT after this many ms"),
          new Key("maxMessageSize", "4194304", "largest message body, bytes"),
          new Key(
              "mappedFileSizeConsumeQueue",
              "6000000",
              "consume-queue file size as RocketMQ counts it (20 bytes per entry); DuetMQ keeps the entry count"),
          new Key("maxHashSlotNum", "5000000", "hash slots per index file"),
          new Key("maxIndexNum", "20000000", "entries per index file"),
          new Key("fileReservedTime", "72", "hours a commit-log segment is kept"),
          new Key(
              "deleteWhen",
              "04",
              "hours of the day (e.g. 04;16) when expired segments are deleted"),
          new Key(
              "diskMaxUsedSpaceRatio",
              "75",
              "above this disk usage %, expired segments go at any hour"),
          new Key(
              "diskSpaceCleanForciblyRatio",
              "85",
              "above this disk usage %, the oldest segments go"),
          new Key("cleanResourceInterval", "10000", "retention period, ms"),
          new Key(
              "flushIntervalConsumeQueue",
              "1000",
              "consume queue, index and checkpoint flush period, ms"),
          new Key("brokerIP1", "127.0.0.1", "address written as STOREHOST into every record"),
          new Key("listenPort", "10911", "port written as STOREHOST into every record"),
          new Key("checkCRCOnRecover", "true", "verify body CRCs while recovering"));

  private StoreConfigKeys() {}

  /**
   * Builds a store config from {@code broker.conf}-style properties; missing keys take their
   * defaults.
   */
  public static StoreConfig fromProperties(Map<String, String> properties) {
    Values v = new Values(properties);
    int segmentSize = v.integer("mappedFileSizeCommitLog");
    // RocketMQ accepts maxMessageSize above half a (small) segment; a message must fit a segment,
    // so the
    // effective limit is clamped rather than the whole configuration refused.
    int maxMessageSize = Math.min(v.integer("maxMessageSize"), segmentSize / 2);
    return new StoreConfig(
        Path.of(v.string("storePathRootDir")),
        segmentSize,
        FlushDiskType.valueOf(v.string("flushDiskType").toUpperCase(Locale.ROOT)),
        v.integer("flushIntervalCommitLog"),
        v.integer("flushCommitLogLeastPages"),
        v.integer("flushCommitLogThoroughInterval"),
        v.integer("syncFlushTimeout"),
        maxMessageSize,
        Math.max(1, v.integer("mappedFileSizeConsumeQueue") / 20),
        v.integer("maxHashSlotNum"),
        v.integer("maxIndexNum"),
        v.integer("fileReservedTime"),
        v.string("deleteWhen"),
        v.integer("diskMaxUsedSpaceRatio"),
        Math.max(30, Math.min(85, v.integer("diskSpaceCleanForciblyRatio"))),
        v.integer("cleanResourceInterval"),
        v.integer("flushIntervalConsumeQueue"),
        new InetSocketAddress(v.string("brokerIP1"), v.integer("listenPort")),
        Boolean.parseBoolean(v.string("checkCRCOnRecover")));
  }

  private record Values(Map<String, String> properties) {
    String string(String name) {
      String value = properties.get(name);
      if (value != null) {
        return value.trim();
      }
      for (Key key : KEYS) {
        if (key.name().equals(name)) {
          return key.defaultValue();
        }
      }
      throw new IllegalArgumentException("no such store key: " + name);
    }

    int integer(String name) {
      String value = string(name);
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " = '" + value + "' is not an integer", e);
      }
    }
  }
}
