package io.duetmq.namesrv.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Namespaced key-value settings (RocketMQ uses namespace {@code ORDER_TOPIC_CONFIG} for ordered
 * topics), persisted to one file on every change.
 *
 * <p>A change is written to disk before it becomes visible; when the write fails the change is
 * dropped and an {@link UncheckedIOException} is thrown, so memory never holds what the file does
 * not.
 *
 * <p>Thread-safety: thread-safe (one monitor; changes are rare admin operations).
 */
public final class KvConfigStore {

  /** The namespace RocketMQ keeps ordered-topic queue layouts in. */
  public static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

  private final Path file;
  private Map<String, Map<String, String>> table;

  private KvConfigStore(Path file, Map<String, Map<String, String>> table) {
    this.file = file;
    this.table = table;
  }

  /**
   * Loads {@code file} (missing = empty).
   *
   * @throws UncheckedIOException when the file exists but cannot be read or parsed: starting with
   *     an empty table would silently drop the settings at the next write
   */
  public static KvConfigStore load(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return new KvConfigStore(file, KvConfigFile.read(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + file, e);
    }
  }

  /** The file this store persists to. */
  public Path file() {
    return file;
  }

  /** Sets {@code key} in {@code namespace} and persists. */
  public synchronized void put(String namespace, String key, String value) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Map<String, Map<String, String>> next = copy();
    next.computeIfAbsent(namespace, k -> new TreeMap<>()).put(key, value);
    persist(next);
  }

  /** The value, or null. */
  public synchronized String get(String namespace, String key) {
    Map<String, String> entries = table.get(namespace);
    return entries == null ? null : entries.get(key);
  }

  /** Removes {@code key}; persists when something was removed. Returns whether it existed. */
  public synchronized boolean delete(String namespace, String key) {
    Map<String, String> entries = table.get(namespace);
    if (entries == null || !entries.containsKey(key)) {
      return false;
    }
    Map<String, Map<String, String>> next = copy();
    next.get(namespace).remove(key);
    if (next.get(namespace).isEmpty()) {
      next.remove(namespace);
    }
    persist(next);
    return true;
  }

  /** A copy of one namespace, or empty when it has no keys. */
  public synchronized Optional<Map<String, String>> namespace(String namespace) {
    Map<String, String> entries = table.get(namespace);
    return entries == null
        ? Optional.empty()
        : Optional.of(Collections.unmodifiableMap(new TreeMap<>(entries)));
  }

  private Map<String, Map<String, String>> copy() {
    Map<String, Map<String, String>> next = new TreeMap<>();
    for (Map.Entry<String, Map<String, String>> e : table.entrySet()) {
      next.put(e.getKey(), new TreeMap<>(e.getValue()));
    }
    return next;
  }

  private void persist(Map<String, Map<String, String>> next) {
    try {
      KvConfigFile.write(file, next);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    table = next;
  }
}
