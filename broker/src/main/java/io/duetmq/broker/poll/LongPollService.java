package io.duetmq.broker.poll;

import io.duetmq.store.ArrivalListener;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds poll requests that found nothing new and hands them back when a record arrives in a watched
 * queue ({@link #onArrival}, registered as the store's {@link ArrivalListener}) or when their
 * deadline passes (the {@code duetmq-long-poll} timer thread, or {@link #expireDue()} called
 * directly by tests with a fake clock).
 *
 * <p>Threading: {@link #hold}, {@link #cancelOwner} and {@link #onArrival} may be called from any
 * thread; {@code onArrival} runs on the store's dispatcher thread and only moves requests out of
 * the table. Callbacks never run on the caller's thread of these methods: they are handed to the
 * wake executor given in the constructor, exactly once per request. A request registered after a
 * record arrived but before the caller's read saw it is caught by re-checking the queue's max
 * offset after registering, so no wake-up is lost.
 *
 * <p>Bounded: at most {@link LongPollConfig#maxHeldPerQueue()} requests per queue and {@link
 * LongPollConfig#maxHeldTotal()} in total; beyond that {@link #hold} answers a rejection status.
 */
public final class LongPollService implements ArrivalListener, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LongPollService.class.getName());
  private static final long MAX_PARK_MILLIS = 1_000;

  private final LongPollConfig config;
  private final Executor wakeExecutor;
  private final MaxOffsetLookup maxOffsets;
  private final Clock clock;
  private final ConcurrentHashMap<QueueKey, List<Held>> queues = new ConcurrentHashMap<>();
  private final ConcurrentSkipListSet<PollRequest> byDeadline =
      new ConcurrentSkipListSet<>(
          Comparator.comparingLong(PollRequest::deadlineMillis)
              .thenComparingLong(PollRequest::sequence));
  private final AtomicInteger held = new AtomicInteger();
  private volatile Thread timer;
  private volatile boolean closed;

  /**
   * @param wakeExecutor runs the callbacks (never the store's dispatcher thread)
   * @param maxOffsets the queues' current max offsets, checked right after a request is held
   * @param clock the time deadlines are measured in
   */
  public LongPollService(
      LongPollConfig config, Executor wakeExecutor, MaxOffsetLookup maxOffsets, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.wakeExecutor = Objects.requireNonNull(wakeExecutor, "wakeExecutor");
    this.maxOffsets = Objects.requireNonNull(maxOffsets, "maxOffsets");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts the deadline timer thread. */
  public synchronized void start() {
    if (timer != null || closed) {
      return;
    }
    Thread thread = new Thread(this::runTimer, "duetmq-long-poll");
    thread.setDaemon(true);
    timer = thread;
    thread.start();
  }

  /**
   * Holds a request. On {@link HoldStatus#HELD} its callback runs exactly once later (possibly very
   * soon, if a watched queue already grew); on any other status it never runs.
   */
  public HoldStatus hold(PollRequest request) {
    if (closed) {
      return HoldStatus.SHUT_DOWN;
    }
    if (held.incrementAndGet() > config.maxHeldTotal()) {
      held.decrementAndGet();
      return HoldStatus.TOTAL_LIMIT_REACHED;
    }
    // In the deadline set before the queue lists, so that whoever completes the request early
    // (arrival, expiry, cancel) also finds it there.
    byDeadline.add(request);
    List<PollRequest.Watch> watches = request.watches();
    for (int i = 0; i < watches.size(); i++) {
      PollRequest.Watch watch = watches.get(i);
      List<Held> list =
          queues.computeIfAbsent(
              new QueueKey(watch.topic(), watch.queueId()), k -> new ArrayList<>());
      synchronized (list) {
        if (list.size() < config.maxHeldPerQueue()) {
          list.add(new Held(request, watch.offset()));
          continue;
        }
      }
      if (request.complete()) {
        release(request);
      } else {
        unregister(request, i);
      }
      return HoldStatus.QUEUE_LIMIT_REACHED;
    }
    if (request.isDone()) {
      // completed while registering: drop what was added after its release
      unregister(request, watches.size());
      return HoldStatus.HELD;
    }
    Thread thread = timer;
    if (thread != null && firstByDeadline() == request) {
      LockSupport.unpark(thread);
    }
    if (closed) {
      fire(request, PollWakeReason.EXPIRED);
      return HoldStatus.HELD;
    }
    for (PollRequest.Watch watch : watches) {
      if (maxOffsets.maxOffset(watch.topic(), watch.queueId()) > watch.offset()) {
        fire(request, PollWakeReason.ARRIVED);
        break;
      }
    }
    return HoldStatus.HELD;
  }

  /**
   * Wakes the requests on {@code (topic, queueId)} that wait beyond an offset below {@code max}.
   */
  @Override
  public void onArrival(String topic, int queueId, long maxOffset) {
    List<Held> list = queues.get(new QueueKey(topic, queueId));
    if (list == null) {
      return;
    }
    List<PollRequest> woken = null;
    synchronized (list) {
      for (Held entry : list) {
        if (maxOffset > entry.offset()) {
          if (woken == null) {
            woken = new ArrayList<>();
          }
          woken.add(entry.request());
        }
      }
    }
    if (woken != null) {
      for (PollRequest request : woken) {
        fire(request, PollWakeReason.ARRIVED);
      }
    }
  }

  /** Expires every request whose deadline is at or before the clock's now; returns how many. */
  public int expireDue() {
    long now = clock.millis();
    int expired = 0;
    for (PollRequest request : byDeadline) {
      if (request.deadlineMillis() > now) {
        break;
      }
      if (fire(request, PollWakeReason.EXPIRED)) {
        expired++;
      }
    }
    return expired;
  }

  /**
   * Drops every request of {@code owner} (a closed connection) without running its callback;
   * returns how many were dropped.
   */
  public int cancelOwner(Object owner) {
    int cancelled = 0;
    for (PollRequest request : byDeadline) {
      if (request.owner().equals(owner) && request.complete()) {
        release(request);
        cancelled++;
      }
    }
    return cancelled;
  }

  /** Requests held now. */
  public int heldCount() {
    return held.get();
  }

  /** Requests held now on one queue. */
  public int heldCount(String topic, int queueId) {
    List<Held> list = queues.get(new QueueKey(topic, queueId));
    if (list == null) {
      return 0;
    }
    synchronized (list) {
      return list.size();
    }
  }

  /** Stops the timer and expires every held request (their callbacks run with EXPIRED). */
  @Override
  public void close() {
    Thread thread;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      thread = timer;
    }
    if (thread != null) {
      LockSupport.unpark(thread);
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (PollRequest request : byDeadline) {
      fire(request, PollWakeReason.EXPIRED);
    }
  }

  private void runTimer() {
    while (!closed) {
      try {
        expireDue();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "long-poll expiry failed", e);
      }
      long waitMillis = MAX_PARK_MILLIS;
      PollRequest first = firstByDeadline();
      if (first != null) {
        waitMillis = Math.min(waitMillis, first.deadlineMillis() - clock.millis());
      }
      if (waitMillis > 0 && !closed) {
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(waitMillis));
      }
    }
  }

  private PollRequest firstByDeadline() {
    try {
      return byDeadline.first();
    } catch (NoSuchElementException e) {
      return null;
    }
  }

  private boolean fire(PollRequest request, PollWakeReason reason) {
    if (!request.complete()) {
      return false;
    }
    release(request);
    try {
      wakeExecutor.execute(() -> request.callback().accept(reason));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.WARNING, "wake executor rejected {0} ({1}): {2}", request, reason, e);
    }
    return true;
  }

  private void release(PollRequest request) {
    unregister(request, request.watches().size());
    byDeadline.remove(request);
    held.decrementAndGet();
  }

  /** Removes the request from the lists of its first {@code count} watches. */
  private void unregister(PollRequest request, int count) {
    List<PollRequest.Watch> watches = request.watches();
    for (int i = 0; i < count; i++) {
      PollRequest.Watch watch = watches.get(i);
      List<Held> list = queues.get(new QueueKey(watch.topic(), watch.queueId()));
      if (list != null) {
        synchronized (list) {
          list.removeIf(entry -> entry.request() == request);
        }
      }
    }
  }

  private record QueueKey(String topic, int queueId) {}

  private record Held(PollRequest request, long offset) {}
}
