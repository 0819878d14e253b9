package io.duetmq.protocol.kafka.group;

import java.util.PriorityQueue;

/** A {@link GroupScheduler} whose time only moves in {@link #advance}; tasks run on that call. */
final class ManualGroupScheduler implements GroupScheduler {
  private record Task(long due, long seq, Runnable action, boolean[] cancelled) {}

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private long now;
  private long seq;

  @Override
  public synchronized Runnable schedule(Runnable task, long delayMillis) {
    boolean[] cancelled = {false};
    tasks.add(new Task(now + delayMillis, seq++, task, cancelled));
    return () -> cancelled[0] = true;
  }

  void advance(long millis) {
    long until;
    synchronized (this) {
      until = now + millis;
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.due > until) {
          now = until;
          return;
        }
        tasks.poll();
        now = next.due;
      }
      if (!next.cancelled[0]) {
        next.action.run();
      }
    }
  }
}
