package io.duetmq.store.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * All consume queues under one root directory, laid out as {@code <rootDir>/<topic>/<queueId>/}.
 * Topic names are used as directory names as they are (RocketMQ's {@code %RETRY%group} included).
 *
 * <p>Thread-safe. Queues are normally created by the dispatcher thread through {@link #getOrCreate}
 * while reader threads look them up with {@link #find}; the map is a {@link ConcurrentHashMap}, and
 * iteration is weakly consistent. The threading rules of each {@link ConsumeQueue} still apply to
 * what is done with it. {@link #deleteTopic} expects that nothing is being dispatched to the topic
 * any more.
 */
public final class ConsumeQueueTable implements Iterable<ConsumeQueue>, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ConsumeQueueTable.class.getName());

  private record QueueKey(String topic, int queueId) {}

  private final Path rootDir;
  private final int entriesPerFile;
  private final Map<QueueKey, ConsumeQueue> queues = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private ConsumeQueueTable(Path rootDir, int entriesPerFile) {
    this.rootDir = rootDir;
    this.entriesPerFile = entriesPerFile;
  }

  /**
   * Opens every queue directory present under {@code rootDir} (a missing root is an empty table).
   * Directories that are not {@code <topic>/<queueId>} are logged and left alone.
   *
   * @throws IllegalArgumentException if {@code entriesPerFile} is out of range
   */
  public static ConsumeQueueTable open(Path rootDir, int entriesPerFile) {
    ConsumeQueueDescriptor.fileSize(entriesPerFile);
    ConsumeQueueTable table = new ConsumeQueueTable(rootDir, entriesPerFile);
    if (Files.isDirectory(rootDir)) {
      for (Path topicDir : subdirectories(rootDir)) {
        table.openTopic(topicDir);
      }
    }
    return table;
  }

  private void openTopic(Path topicDir) {
    String topic = topicDir.getFileName().toString();
    for (Path queueDir : subdirectories(topicDir)) {
      String name = queueDir.getFileName().toString();
      int queueId = parseQueueId(name);
      if (queueId < 0) {
        LOG.log(Level.WARNING, "consume queues: ignoring directory {0}", queueDir);
        continue;
      }
      queues.put(
          new QueueKey(topic, queueId),
          ConsumeQueue.open(queueDir, topic, queueId, entriesPerFile));
    }
  }

  /** The queue id a directory name stands for, or -1 if it is not a canonical decimal int. */
  private static int parseQueueId(String name) {
    try {
      int queueId = Integer.parseInt(name);
      return queueId >= 0 && Integer.toString(queueId).equals(name) ? queueId : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The queue of ({@code topic}, {@code queueId}), created empty if absent (its directory appears
   * with its first entry).
   *
   * @throws IllegalArgumentException if the topic cannot be a directory name or the queue id is
   *     negative
   * @throws IllegalStateException if the table is closed
   */
  public ConsumeQueue getOrCreate(String topic, int queueId) {
    ConsumeQueue queue = queues.get(new QueueKey(topic, queueId));
    if (queue != null) {
      return queue;
    }
    checkTopic(topic);
    if (queueId < 0) {
      throw new IllegalArgumentException("queueId must be >= 0: " + queueId);
    }
    if (closed) {
      throw new IllegalStateException("consume queue table " + rootDir + " is closed");
    }
    return queues.computeIfAbsent(
        new QueueKey(topic, queueId),
        key -> ConsumeQueue.open(queueDirectory(topic, queueId), topic, queueId, entriesPerFile));
  }

  /** The queue of ({@code topic}, {@code queueId}), or null if there is none. */
  public ConsumeQueue find(String topic, int queueId) {
    return queues.get(new QueueKey(topic, queueId));
  }

  /** Weakly consistent view of the queues; does not support removal. */
  @Override
  public Iterator<ConsumeQueue> iterator() {
    return Collections.unmodifiableCollection(queues.values()).iterator();
  }

  /** Number of queues. */
  public int size() {
    return queues.size();
  }

  /** Flushes every queue. */
  public void flushAll() {
    for (ConsumeQueue queue : queues.values()) {
      queue.flush();
    }
  }

  /** {@link ConsumeQueue#truncateFrom} on every queue; dispatcher thread only. */
  public void truncateAllFrom(long commitLogOffset) {
    for (ConsumeQueue queue : queues.values()) {
      queue.truncateFrom(commitLogOffset);
    }
  }

  /**
   * {@link ConsumeQueue#deleteFilesBelow} on every queue.
   *
   * @return how many files were deleted in all
   */
  public int deleteAllFilesBelow(long minCommitLogOffset) {
    int deleted = 0;
    for (ConsumeQueue queue : queues.values()) {
      deleted += queue.deleteFilesBelow(minCommitLogOffset);
    }
    return deleted;
  }

  /**
   * Where dispatch must resume: the largest {@link ConsumeQueue#lastCommitLogEnd()}, 0 if no queue
   * has entries.
   */
  /**
   * The lowest commit-log end among queues that were repaired when opened ({@link
   * ConsumeQueue#wasRepaired()}), or {@link Long#MAX_VALUE} if none was: dispatching from there
   * restores what repair dropped.
   */
  public long minRepairedCommitLogEnd() {
    long min = Long.MAX_VALUE;
    for (ConsumeQueue queue : this) {
      if (queue.wasRepaired()) {
        min = Math.min(min, queue.lastCommitLogEnd());
      }
    }
    return min;
  }

  public long maxLastCommitLogEnd() {
    long max = 0;
    for (ConsumeQueue queue : queues.values()) {
      max = Math.max(max, queue.lastCommitLogEnd());
    }
    return max;
  }

  /**
   * Closes and removes every queue of {@code topic} and deletes its directory.
   *
   * @return how many queues were removed
   */
  public int deleteTopic(String topic) {
    checkTopic(topic);
    int removed = 0;
    for (Map.Entry<QueueKey, ConsumeQueue> entry : queues.entrySet()) {
      if (entry.getKey().topic().equals(topic) && queues.remove(entry.getKey(), entry.getValue())) {
        entry.getValue().close();
        removed++;
      }
    }
    deleteRecursively(rootDir.resolve(topic));
    LOG.log(Level.INFO, "consume queues: deleted topic {0} ({1} queues)", topic, removed);
    return removed;
  }

  /** Closes every queue (flushing it first). */
  @Override
  public void close() {
    closed = true;
    for (ConsumeQueue queue : queues.values()) {
      queue.close();
    }
    queues.clear();
  }

  public Path rootDir() {
    return rootDir;
  }

  public int entriesPerFile() {
    return entriesPerFile;
  }

  private Path queueDirectory(String topic, int queueId) {
    return rootDir.resolve(topic).resolve(Integer.toString(queueId));
  }

  private static void checkTopic(String topic) {
    if (topic.isEmpty()
        || topic.equals(".")
        || topic.equals("..")
        || topic.indexOf('/') >= 0
        || topic.indexOf('\\') >= 0
        || topic.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("topic cannot be a directory name: \"" + topic + "\"");
    }
  }

  private static List<Path> subdirectories(Path dir) {
    List<Path> result = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      children.filter(Files::isDirectory).sorted().forEach(result::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return result;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
