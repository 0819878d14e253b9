package io.duetmq.broker.config;

import io.duetmq.broker.json.JsonObject;
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
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON files of {@code <storeRoot>/config/} ({@code topics.json}, {@code
 * subscriptionGroup.json}, {@code consumerOffset.json}, ...), written the way RocketMQ keeps them:
 * the previous version survives as {@code <name>.json.bak}.
 *
 * <p>A write goes to {@code <name>.json.tmp}, is fsynced, the current file is copied to {@code
 * .bak} (through its own temporary file, so {@code .bak} is never half-written), and the temporary
 * file is renamed over {@code <name>.json} atomically; the directory is fsynced last. At every
 * instant the main file is either the old or the new complete version.
 *
 * <p>A read parses and decodes the main file and falls back to {@code .bak}, with a WARNING, when
 * the main file is missing, empty, not JSON (in RocketMQ's fastjson dialect, pretty-printed or not)
 * or not decodable. Neither file present means a fresh store. A file present but unusable with no
 * usable backup fails the read: starting with an empty table would overwrite the operator's topics
 * and offsets on the next write.
 *
 * <p>Thread-safety: writes of the same name must not run concurrently (each owner serializes its
 * own file); different names are independent.
 */
public final class ConfigFileStore {
  private static final System.Logger LOG = System.getLogger(ConfigFileStore.class.getName());

  private final Path directory;

  /** Files live in {@code <storeRoot>/config}. */
  public ConfigFileStore(Path storeRoot) {
    this.directory = storeRoot.resolve("config");
  }

  public Path directory() {
    return directory;
  }

  /** The main file of {@code name} ({@code <dir>/<name>.json}). */
  public Path path(String name) {
    return directory.resolve(name + ".json");
  }

  /** The backup of {@code name} ({@code <dir>/<name>.json.bak}). */
  public Path backupPath(String name) {
    return directory.resolve(name + ".json.bak");
  }

  /** Atomically replaces {@code name} with {@code json}, keeping the previous version as .bak. */
  public void write(String name, String json) {
    Path main = path(name);
    Path tmp = directory.resolve(name + ".json.tmp");
    try {
      Files.createDirectories(directory);
      writeSynced(tmp, json.getBytes(StandardCharsets.UTF_8));
      if (Files.exists(main)) {
        Path bakTmp = directory.resolve(name + ".json.bak.tmp");
        Files.copy(main, bakTmp, StandardCopyOption.REPLACE_EXISTING);
        fsync(bakTmp);
        move(bakTmp, backupPath(name));
      }
      move(tmp, main);
      fsyncDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + main, e);
    }
  }

  /**
   * Reads {@code name} and decodes it, falling back to the backup.
   *
   * @param decoder turns the file's root object into a value; throws on content it cannot use
   * @return the decoded value, or empty when neither the file nor its backup exists
   * @throws IllegalStateException when a file exists but neither it nor the backup is usable
   */
  public <T> Optional<T> read(String name, Function<JsonObject, T> decoder) {
    Path main = path(name);
    Path bak = backupPath(name);
    String mainProblem;
    try {
      return Optional.of(decode(main, decoder));
    } catch (NoSuchFileException e) {
      mainProblem = "missing";
    } catch (IOException | RuntimeException e) {
      mainProblem = e.toString();
    }
    try {
      T value = decode(bak, decoder);
      LOG.log(Level.WARNING, "{0} unusable ({1}); loaded the backup {2}", main, mainProblem, bak);
      return Optional.of(value);
    } catch (NoSuchFileException e) {
      if (mainProblem.equals("missing")) {
        return Optional.empty();
      }
      throw new IllegalStateException(
          main + " is unusable (" + mainProblem + ") and has no backup");
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          main + " is unusable (" + mainProblem + ") and so is " + bak + " (" + e + ")", e);
    }
  }

  private static <T> T decode(Path file, Function<JsonObject, T> decoder) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    JsonValue root = JsonReader.parse(text);
    if (!(root instanceof JsonObject object)) {
      throw new IllegalArgumentException("root is not a JSON object");
    }
    return decoder.apply(object);
  }

  private static void writeSynced(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private static void fsync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void fsyncDirectory() {
    // Makes the renames durable; some platforms cannot open a directory, which costs only that.
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "cannot fsync directory {0}: {1}", directory, e);
    }
  }
}
