package io.duetmq.store.queue;

import static io.duetmq.store.queue.ConsumeQueueDescriptor.ENTRY_LENGTH;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the files of one consume queue and keeps exactly their valid prefix.
 *
 * <p>The prefix ends at the first entry that is zero, is invalid by {@link
 * ConsumeQueueDescriptor#invalidReason}, or lies beyond the end of a file that is shorter than its
 * full size. The rest of that file is zeroed (and forced), later files and files that do not
 * continue the sequence are deleted, and a file left without entries is deleted too. Anything
 * dropped is reported in one WARNING line. Files whose names are not 20 digits are left alone.
 *
 * <p>Used by {@link ConsumeQueue#open} only, before the queue is shared.
 */
final class ConsumeQueueRecovery {

  private static final System.Logger LOG = System.getLogger(ConsumeQueueRecovery.class.getName());

  /**
   * What recovery kept: the files and the entry numbers {@code [first, end)} they hold, and whether
   * anything had to be dropped (then the dispatcher must re-derive the queue from the commit log
   * behind its last kept entry).
   */
  record Recovered(
      ConsumeQueueFileTable files, long firstEntryNumber, long endEntryNumber, boolean repaired) {
    Recovered(ConsumeQueueFileTable files, long firstEntryNumber, long endEntryNumber) {
      this(files, firstEntryNumber, endEntryNumber, false);
    }
  }

  private record Candidate(Path path, long startOffset, long length) {}

  private final Path dir;
  private final int entriesPerFile;
  private final int fileSize;
  private final List<String> dropped = new ArrayList<>();
  private long previousCommitLogOffset = -1;
  private long expectedBase;
  private String reason;

  private ConsumeQueueRecovery(Path dir, int entriesPerFile) {
    this.dir = dir;
    this.entriesPerFile = entriesPerFile;
    this.fileSize = ConsumeQueueDescriptor.fileSize(entriesPerFile);
  }

  /**
   * Recovers the queue stored in {@code dir}; a missing directory is an empty queue.
   *
   * @throws IllegalStateException if the files were evidently written with another {@code
   *     entriesPerFile}
   * @throws UncheckedIOException if the directory cannot be read or a file cannot be mapped
   */
  static Recovered recover(Path dir, int entriesPerFile) {
    return new ConsumeQueueRecovery(dir, entriesPerFile).run();
  }

  private Recovered run() {
    if (!Files.isDirectory(dir)) {
      return new Recovered(ConsumeQueueFileTable.EMPTY, 0, 0);
    }
    List<Candidate> candidates = listCandidates();
    checkEntriesPerFile(candidates);
    List<Candidate> aligned = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (candidate.startOffset() % fileSize == 0) {
        aligned.add(candidate);
      } else {
        delete(candidate, "name not a multiple of the file size " + fileSize);
      }
    }
    Recovered recovered = scan(aligned);
    if (!dropped.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "consume queue "
              + dir
              + ": kept entries ["
              + recovered.firstEntryNumber()
              + ", "
              + recovered.endEntryNumber()
              + "), "
              + (reason == null ? "all entries valid" : "stopped at " + reason)
              + "; dropped: "
              + String.join("; ", dropped));
      return new Recovered(
          recovered.files(), recovered.firstEntryNumber(), recovered.endEntryNumber(), true);
    }
    return recovered;
  }

  private Recovered scan(List<Candidate> files) {
    List<ConsumeQueueFile> kept = new ArrayList<>();
    long firstEntryNumber = files.isEmpty() ? 0 : fileIndex(files.get(0)) * entriesPerFile;
    for (int i = 0; i < files.size(); i++) {
      Candidate candidate = files.get(i);
      if (i > 0 && fileIndex(candidate) != fileIndex(files.get(i - 1)) + 1) {
        deleteFrom(files, i, "not contiguous with the previous file");
        break;
      }
      ConsumeQueueFile file =
          ConsumeQueueFile.map(candidate.path(), fileIndex(candidate), entriesPerFile);
      int validSlots = validSlots(file, candidate);
      if (validSlots == entriesPerFile) {
        kept.add(file);
        continue;
      }
      int zeroed = file.zeroFrom(validSlots);
      if (zeroed > 0) {
        dropped.add(
            zeroed + " non-zero entries from entry " + (file.firstEntryNumber() + validSlots));
      }
      if (validSlots > 0) {
        kept.add(file);
      } else {
        file.delete();
      }
      deleteFrom(files, i + 1, "after the end of the valid entries");
      long end = file.firstEntryNumber() + validSlots;
      return new Recovered(
          ConsumeQueueFileTable.of(kept.toArray(new ConsumeQueueFile[0])),
          kept.isEmpty() ? end : firstEntryNumber,
          end);
    }
    ConsumeQueueFile last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
    long end = last == null ? 0 : last.firstEntryNumber() + entriesPerFile;
    return new Recovered(
        ConsumeQueueFileTable.of(kept.toArray(new ConsumeQueueFile[0])),
        kept.isEmpty() ? 0 : firstEntryNumber,
        end);
  }

  /** Number of leading slots of {@code file} that continue the valid prefix. */
  private int validSlots(ConsumeQueueFile file, Candidate candidate) {
    int readable = (int) Math.min(entriesPerFile, candidate.length() / ENTRY_LENGTH);
    for (int slot = 0; slot < readable; slot++) {
      if (file.isZero(slot)) {
        reason = "entry " + (file.firstEntryNumber() + slot) + " is zero (end of data)";
        return slot;
      }
      long commitLogOffset = file.commitLogOffset(slot);
      long base = file.baseLogicalOffset(slot);
      int records = file.records(slot);
      reason =
          ConsumeQueueDescriptor.invalidReason(
              previousCommitLogOffset,
              expectedBase,
              commitLogOffset,
              file.size(slot),
              base,
              records);
      if (reason != null) {
        reason = "entry " + (file.firstEntryNumber() + slot) + ": " + reason;
        return slot;
      }
      previousCommitLogOffset = commitLogOffset;
      expectedBase = base + records;
    }
    if (readable < entriesPerFile) {
      reason =
          "file "
              + candidate.path().getFileName()
              + " is "
              + candidate.length()
              + " bytes, shorter than "
              + fileSize;
    }
    return readable;
  }

  private List<Candidate> listCandidates() {
    List<Candidate> candidates = new ArrayList<>();
    try (Stream<Path> paths = Files.list(dir)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        if (!Files.isRegularFile(path)) {
          continue;
        }
        long start = ConsumeQueueDescriptor.parseFileName(path.getFileName().toString());
        if (start < 0) {
          LOG.log(Level.WARNING, "consume queue {0}: ignoring foreign file {1}", dir, path);
          continue;
        }
        candidates.add(new Candidate(path, start, Files.size(path)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list consume queue directory " + dir, e);
    }
    candidates.sort(Comparator.comparingLong(Candidate::startOffset));
    return candidates;
  }

  /**
   * Refuses files that can only come from another {@code entriesPerFile}: a longer file, or a
   * shorter one that ends exactly where the next begins. Deleting them would throw away a queue
   * that is fine under its own setting.
   */
  private void checkEntriesPerFile(List<Candidate> candidates) {
    for (int i = 0; i < candidates.size(); i++) {
      Candidate candidate = candidates.get(i);
      boolean longer = candidate.length() > fileSize;
      boolean endsAtNext =
          candidate.length() < fileSize
              && candidate.length() > 0
              && i + 1 < candidates.size()
              && candidate.startOffset() + candidate.length()
                  == candidates.get(i + 1).startOffset();
      if (longer || endsAtNext) {
        throw new IllegalStateException(
            "consume queue file "
                + candidate.path()
                + " is "
                + candidate.length()
                + " bytes but entriesPerFile "
                + entriesPerFile
                + " makes files of "
                + fileSize
                + " bytes; was the queue written with another entriesPerFile?");
      }
    }
  }

  private long fileIndex(Candidate candidate) {
    return candidate.startOffset() / fileSize;
  }

  private void deleteFrom(List<Candidate> files, int from, String why) {
    for (int i = from; i < files.size(); i++) {
      delete(files.get(i), why);
    }
  }

  private void delete(Candidate candidate, String why) {
    try {
      Files.deleteIfExists(candidate.path());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete consume queue file " + candidate.path(), e);
    }
    dropped.add("file " + candidate.path().getFileName() + " (" + why + ")");
  }
}
