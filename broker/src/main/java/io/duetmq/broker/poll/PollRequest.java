package io.duetmq.broker.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A read that found nothing new and waits: the queues it watches with the offset it waits beyond in
 * each (one queue for a RocketMQ pull, several partitions for a Kafka fetch), an absolute deadline,
 * an opaque owner (the connection, for {@link LongPollService#cancelOwner}) and the callback that
 * runs the read again.
 *
 * <p>Thread-safety: immutable except for its one-shot completion flag; the service guarantees the
 * callback runs at most once.
 */
public final class PollRequest {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Object owner;
  private final long deadlineMillis;
  private final Consumer<PollWakeReason> callback;
  private final List<Watch> watches;
  private final long sequence = SEQUENCE.incrementAndGet();
  private final AtomicBoolean done = new AtomicBoolean();

  private PollRequest(Builder b) {
    if (b.watches.isEmpty()) {
      throw new IllegalArgumentException("a poll request must watch at least one queue");
    }
    this.owner = b.owner;
    this.deadlineMillis = b.deadlineMillis;
    this.callback = b.callback;
    this.watches = List.copyOf(b.watches);
  }

  /**
   * A request watching one queue.
   *
   * @param owner identifies the connection (compared with {@code equals})
   * @param offset the request is woken when the queue's max offset exceeds this
   * @param deadlineMillis absolute time (the service's clock) at which it expires
   * @param callback runs the read again; called once, on the service's wake executor
   */
  public static PollRequest single(
      Object owner,
      String topic,
      int queueId,
      long offset,
      long deadlineMillis,
      Consumer<PollWakeReason> callback) {
    return builder(owner, deadlineMillis, callback).watch(topic, queueId, offset).build();
  }

  /** Starts a request that watches several queues. */
  public static Builder builder(
      Object owner, long deadlineMillis, Consumer<PollWakeReason> callback) {
    return new Builder(owner, deadlineMillis, callback);
  }

  public Object owner() {
    return owner;
  }

  public long deadlineMillis() {
    return deadlineMillis;
  }

  public List<Watch> watches() {
    return watches;
  }

  /** Whether the request has been woken, expired or cancelled. */
  public boolean isDone() {
    return done.get();
  }

  Consumer<PollWakeReason> callback() {
    return callback;
  }

  long sequence() {
    return sequence;
  }

  /** Claims the request for completion; true for exactly one caller. */
  boolean complete() {
    return done.compareAndSet(false, true);
  }

  @Override
  public String toString() {
    return "PollRequest[owner=" + owner + ", deadline=" + deadlineMillis + ", " + watches + "]";
  }

  /**
   * One watched queue.
   *
   * @param topic the topic
   * @param queueId the queue
   * @param offset wake when the queue's max offset is greater than this
   */
  public record Watch(String topic, int queueId, long offset) {
    public Watch {
      Objects.requireNonNull(topic, "topic");
    }
  }

  /** Collects the watches of a request; not thread-safe. */
  public static final class Builder {
    private final Object owner;
    private final long deadlineMillis;
    private final Consumer<PollWakeReason> callback;
    private final List<Watch> watches = new ArrayList<>(1);

    private Builder(Object owner, long deadlineMillis, Consumer<PollWakeReason> callback) {
      this.owner = Objects.requireNonNull(owner, "owner");
      this.deadlineMillis = deadlineMillis;
      this.callback = Objects.requireNonNull(callback, "callback");
    }

    public Builder watch(String topic, int queueId, long offset) {
      watches.add(new Watch(topic, queueId, offset));
      return this;
    }

    public PollRequest build() {
      return new PollRequest(this);
    }
  }
}
