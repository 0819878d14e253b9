package io.duetmq.store.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * The {@code checkpoint} file: RocketMQ's 4 KiB layout at its start, so a RocketMQ store keeps its
 * meaning, and a DuetMQ section further in that RocketMQ ignores.
 *
 * <pre>
 *  0                8                16               24               32               40
 *  +----------------+----------------+----------------+----------------+----------------+
 *  |physicMsgTs     |logicsMsgTs     |indexMsgTs      |masterFlushedOff|confirmPhyOffset|   RocketMQ
 *  +----------------+----------------+----------------+----------------+----------------+
 *  512              520              528              536      540
 *  +----------------+----------------+----------------+--------+
 *  |"DUETCKPT"      |flushedOffset   |dispatchedOffset|crc32   |                            DuetMQ
 *  +----------------+----------------+----------------+--------+
 * </pre>
 *
 * <p>{@code flushedOffset}: every commit-log byte below it was fsynced. {@code dispatchedOffset}:
 * consume queues and index were flushed after covering every record below it. The section's CRC
 * covers its first 24 bytes; a section with a bad CRC is treated as absent (everything derived is
 * then rebuilt).
 */
public final class StoreCheckpoint {
  public static final String FILE_NAME = "checkpoint";
  private static final int FILE_SIZE = 4096;
  private static final int DUET_SECTION = 512;
  private static final long DUET_MAGIC = 0x44554554434B5054L; // "DUETCKPT"

  /**
   * The DuetMQ section's values, or {@code present == false} when the file is missing, foreign or
   * corrupt.
   *
   * @param present whether the DuetMQ section was found intact
   * @param flushedOffset commit-log offset below which everything is on disk
   * @param dispatchedOffset commit-log offset below which derived files are on disk
   * @param physicMsgTimestamp RocketMQ's physic timestamp field
   */
  public record State(
      boolean present, long flushedOffset, long dispatchedOffset, long physicMsgTimestamp) {}

  private StoreCheckpoint() {}

  public static State read(Path storeRoot) {
    Path file = storeRoot.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return new State(false, 0, 0, 0);
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      long physic = bytes.length >= 8 ? buf.getLong(0) : 0;
      if (bytes.length < DUET_SECTION + 28 || buf.getLong(DUET_SECTION) != DUET_MAGIC) {
        return new State(false, 0, 0, physic);
      }
      int crc = crc(buf);
      if (crc != buf.getInt(DUET_SECTION + 24)) {
        return new State(false, 0, 0, physic);
      }
      return new State(true, buf.getLong(DUET_SECTION + 8), buf.getLong(DUET_SECTION + 16), physic);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Rewrites the file and forces it to disk. */
  public static void write(Path storeRoot, long lastStoreTimestamp, long flushed, long dispatched) {
    ByteBuffer buf = ByteBuffer.allocate(FILE_SIZE);
    buf.putLong(0, lastStoreTimestamp);
    buf.putLong(8, lastStoreTimestamp);
    buf.putLong(16, lastStoreTimestamp);
    buf.putLong(24, flushed);
    buf.putLong(32, flushed);
    buf.putLong(DUET_SECTION, DUET_MAGIC);
    buf.putLong(DUET_SECTION + 8, flushed);
    buf.putLong(DUET_SECTION + 16, dispatched);
    buf.putInt(DUET_SECTION + 24, crc(buf));
    Path file = storeRoot.resolve(FILE_NAME);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.write(buf, 0);
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static int crc(ByteBuffer buf) {
    CRC32 crc = new CRC32();
    crc.update(buf.slice(DUET_SECTION, 24));
    return (int) crc.getValue();
  }
}
