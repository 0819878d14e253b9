package io.duetmq.broker.delay;

import io.duetmq.broker.json.JsonLong;
import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonParseException;
import io.duetmq.broker.json.JsonReader;
import io.duetmq.broker.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code config/delayOffset.json}: the next schedule-queue offset of every delay level, in
 * RocketMQ's shape {@code {"offsetTable":{1:0,2:5}}} (integer keys unquoted, as fastjson writes
 * them; quoted keys are read as well).
 *
 * <p>Writes are atomic: the new text goes to {@code delayOffset.json.tmp} and is forced to disk,
 * the current file is renamed to {@code delayOffset.json.bak}, and the temporary file is renamed
 * into place. Loading falls back to the {@code .bak} copy when the file is missing or unreadable,
 * so a crash at any point leaves the latest or the previous table.
 *
 * <p>Thread-safety: not thread-safe; owned by the schedule service.
 */
public final class DelayOffsetFile {
  private static final System.Logger LOG = System.getLogger(DelayOffsetFile.class.getName());

  private final Path file;
  private final Path backup;
  private final Path temporary;

  public DelayOffsetFile(Path file) {
    this.file = file;
    this.backup = file.resolveSibling(file.getFileName() + ".bak");
    this.temporary = file.resolveSibling(file.getFileName() + ".tmp");
  }

  /** The usual location under a store root: {@code <root>/config/delayOffset.json}. */
  public static Path defaultPath(Path storeRoot) {
    return storeRoot.resolve("config").resolve("delayOffset.json");
  }

  public Path path() {
    return file;
  }

  /** The stored table (level to next offset), empty when neither file nor backup is readable. */
  public Map<Integer, Long> load() {
    Map<Integer, Long> table = read(file);
    if (table == null) {
      table = read(backup);
      if (table != null) {
        LOG.log(Level.WARNING, "{0} unreadable, using its backup {1}", file, backup);
      }
    }
    return table == null ? new TreeMap<>() : table;
  }

  /** Writes the table atomically (see the class comment). */
  public void save(Map<Integer, Long> table) {
    StringBuilder text = new StringBuilder(32 + table.size() * 12).append("{\"offsetTable\":{");
    boolean first = true;
    for (Map.Entry<Integer, Long> entry : new TreeMap<>(table).entrySet()) {
      if (!first) {
        text.append(',');
      }
      first = false;
      text.append(entry.getKey()).append(':').append(entry.getValue());
    }
    text.append("}}");
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
          FileChannel.open(
              temporary,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      if (Files.exists(file)) {
        move(file, backup);
      }
      move(temporary, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Map<Integer, Long> read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot read {0}: {1}", path, e.toString());
      return null;
    }
    try {
      JsonValue root = JsonReader.parse(text);
      if (!(root instanceof JsonObject object)
          || !(object.get("offsetTable") instanceof JsonObject offsets)) {
        LOG.log(Level.WARNING, "{0} has no offsetTable object", path);
        return null;
      }
      Map<Integer, Long> table = new TreeMap<>();
      for (Map.Entry<String, JsonValue> member : offsets.members().entrySet()) {
        if (!(member.getValue() instanceof JsonLong offset)) {
          LOG.log(
              Level.WARNING, "{0}: offset of level {1} is not an integer", path, member.getKey());
          return null;
        }
        table.put(Integer.parseInt(member.getKey()), offset.value());
      }
      return table;
    } catch (JsonParseException | NumberFormatException e) {
      LOG.log(Level.WARNING, "{0} is not a delay offset table: {1}", path, e.getMessage());
      return null;
    }
  }
}
