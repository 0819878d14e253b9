package io.duetmq.store.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Raw access to consume-queue files for corrupting them in tests. */
final class QueueFiles {

  private QueueFiles() {}

  static Path fileOfEntry(Path queueDir, long entryNumber, int entriesPerFile) {
    return ConsumeQueueFile.pathOf(queueDir, entryNumber / entriesPerFile, entriesPerFile);
  }

  static long positionOfEntry(long entryNumber, int entriesPerFile) {
    return (entryNumber % entriesPerFile) * ConsumeQueueDescriptor.ENTRY_LENGTH;
  }

  static void write(Path file, long position, ByteBuffer bytes) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      while (bytes.hasRemaining()) {
        channel.write(bytes, position + bytes.position());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Overwrites {@code length} bytes of entry {@code entryNumber} from {@code from} with zeros. */
  static void zeroEntryBytes(
      Path queueDir, long entryNumber, int entriesPerFile, int from, int length) {
    write(
        fileOfEntry(queueDir, entryNumber, entriesPerFile),
        positionOfEntry(entryNumber, entriesPerFile) + from,
        ByteBuffer.allocate(length));
  }

  static void putInt(Path queueDir, long entryNumber, int entriesPerFile, int field, int value) {
    write(
        fileOfEntry(queueDir, entryNumber, entriesPerFile),
        positionOfEntry(entryNumber, entriesPerFile) + field,
        ByteBuffer.allocate(Integer.BYTES).putInt(0, value));
  }

  static void putLong(Path queueDir, long entryNumber, int entriesPerFile, int field, long value) {
    write(
        fileOfEntry(queueDir, entryNumber, entriesPerFile),
        positionOfEntry(entryNumber, entriesPerFile) + field,
        ByteBuffer.allocate(Long.BYTES).putLong(0, value));
  }

  static void truncate(Path file, long length) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> names(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
