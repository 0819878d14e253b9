package io.duetmq.store;

/** Decides from the consume-queue entry alone whether a record is wanted (tag-hash filtering). */
@FunctionalInterface
public interface QueueEntryFilter {
  /** Accepts everything. */
  QueueEntryFilter ALL = tagsCode -> true;

  boolean accept(long tagsCode);
}
