package io.duetmq.store.recovery;

import io.duetmq.store.log.CommitLog;
import io.duetmq.store.log.MappedSegment;
import io.duetmq.store.log.RecordValidator;
import io.duetmq.store.log.RecordValidator.Check;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Finds the end of the valid commit log: walks records forward from a starting segment, checking
 * each (size, magic, physical offset, field arithmetic, body CRC), follows BLANK headers to the
 * next segment, and stops at the end of written data or at the first bad record. Everything after
 * that point is cut off.
 *
 * <p>A bad record in the middle of the log ends recovery there: the records after it are discarded
 * with an ERROR line that names the offset, the reason and how much was dropped. DuetMQ never skips
 * over a bad record to keep later ones, because their queue offsets would no longer be dense.
 */
public final class CommitLogRecovery {
  private static final System.Logger LOG = System.getLogger(CommitLogRecovery.class.getName());

  private final CommitLog log;
  private final RecordValidator validator;

  public CommitLogRecovery(CommitLog log, boolean checkCrc) {
    this.log = log;
    this.validator = new RecordValidator(checkCrc);
  }

  /**
   * Validates from the segment holding {@code fromOffset} (its start) to the end and truncates what
   * follows the last valid record.
   *
   * @return the recovered end of the log
   */
  public long recover(long fromOffset) {
    List<MappedSegment> segments = log.segments();
    if (segments.isEmpty()) {
      return fromOffset;
    }
    int first = 0;
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).startOffset() <= fromOffset) {
        first = i;
      }
    }
    long end = segments.get(first).startOffset();
    scan:
    for (int i = first; i < segments.size(); i++) {
      MappedSegment segment = segments.get(i);
      if (segment.startOffset() != end) {
        break;
      }
      int position = 0;
      while (true) {
        Check check = validator.check(segment.buffer(), position, segment.startOffset());
        switch (check.kind()) {
          case RECORD -> position += check.size();
          case BLANK -> {
            end = segment.endOffset();
            continue scan;
          }
          case END_OF_DATA -> {
            end = segment.startOffset() + position;
            break scan;
          }
          default -> {
            end = segment.startOffset() + position;
            reportCorruption(end, check.reason(), segments);
            break scan;
          }
        }
        end = segment.startOffset() + position;
      }
    }
    log.truncateTo(end);
    LOG.log(Level.INFO, "commit log {0} recovered up to offset {1}", log.dir(), end);
    return end;
  }

  private static void reportCorruption(long offset, String reason, List<MappedSegment> segments) {
    long last = segments.get(segments.size() - 1).endOffset();
    LOG.log(
        Level.ERROR,
        "commit log is invalid at offset {0} ({1}); recovery keeps the records before it and discards up to"
            + " {2} bytes after it",
        offset,
        reason,
        last - offset);
  }
}
