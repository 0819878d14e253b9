package io.duetmq.broker.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The config files of a real Apache RocketMQ 5.3.3 broker (copied from the store's fixture into
 * {@code src/test/resources/rocketmq-5.3.3-config/}).
 */
public final class RocketMqConfigFixture {
  private RocketMqConfigFixture() {}

  /** The file's text. */
  public static String text(String fileName) {
    try (InputStream in = open(fileName)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the file into {@code <storeRoot>/config/}. */
  public static void copyInto(Path storeRoot, String fileName) {
    try (InputStream in = open(fileName)) {
      Files.createDirectories(storeRoot.resolve("config"));
      Files.copy(
          in, storeRoot.resolve("config").resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String fileName) {
    InputStream in =
        RocketMqConfigFixture.class.getResourceAsStream("/rocketmq-5.3.3-config/" + fileName);
    if (in == null) {
      throw new IllegalStateException("missing fixture " + fileName);
    }
    return in;
  }
}
