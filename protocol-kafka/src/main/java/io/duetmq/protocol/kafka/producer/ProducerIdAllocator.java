package io.duetmq.protocol.kafka.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Hands out producer ids that are never reused, also across restarts. Ids are reserved in blocks of
 * {@link #BLOCK_SIZE}: the end of the reserved block is written to a file (temp file, fsync, atomic
 * rename) before any id of the block is handed out, and a restart continues after it. Ids of a
 * block that were not handed out before a restart are skipped.
 *
 * <p>Thread-safe. A call that reserves a block writes and fsyncs a tiny file on the caller's
 * thread, once every {@link #BLOCK_SIZE} ids.
 */
public final class ProducerIdAllocator {
  /** Ids reserved per file write. */
  public static final int BLOCK_SIZE = 1000;

  static final String FILE_NAME = "kafka-producer-id-block";

  private final Path file;
  private long next;
  private long blockEnd;

  private ProducerIdAllocator(Path file, long reservedEnd) {
    this.file = file;
    this.next = reservedEnd;
    this.blockEnd = reservedEnd;
  }

  /** Opens (or starts) the allocator whose state lives in {@code directory}. */
  public static ProducerIdAllocator open(Path directory) {
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(FILE_NAME);
      long reservedEnd = 0;
      if (Files.exists(file)) {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
          reservedEnd = Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw new IllegalStateException(
              "corrupt producer id file " + file + ": '" + text + "'", e);
        }
      }
      return new ProducerIdAllocator(file, reservedEnd);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open producer id state in " + directory, e);
    }
  }

  /** The next unused producer id. */
  public synchronized long nextId() {
    if (next >= blockEnd) {
      reserve(next + BLOCK_SIZE);
    }
    return next++;
  }

  private void reserve(long end) {
    Path temp = file.resolveSibling(FILE_NAME + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(ByteBuffer.wrap(Long.toString(end).getBytes(StandardCharsets.US_ASCII)));
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + temp, e);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
        dir.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + file, e);
    }
    blockEnd = end;
  }
}
