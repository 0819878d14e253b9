package io.duetmq.broker.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.config.MutableClock;
import io.duetmq.broker.message.MessageTestSupport;
import io.duetmq.store.MessageStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongPollServiceTest {
  private static final long T0 = 1_000_000L;

  private final MutableClock clock = new MutableClock(T0);
  private final Map<String, Long> maxOffsets = new ConcurrentHashMap<>();
  private final List<String> fired = new CopyOnWriteArrayList<>();

  private ExecutorService executor;

  @AfterEach
  void stopExecutor() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** A service whose callbacks run inline on the thread that wakes them (deterministic). */
  private LongPollService inline(int perQueue, int total) {
    return new LongPollService(
        new LongPollConfig(perQueue, total),
        Runnable::run,
        (topic, queueId) -> maxOffsets.getOrDefault(topic + "/" + queueId, 0L),
        clock);
  }

  private PollRequest request(String name, Object owner, String topic, long offset, long timeout) {
    return PollRequest.single(
        owner, topic, 0, offset, T0 + timeout, reason -> fired.add(name + ":" + reason));
  }

  @Test
  void shouldWakeOnlyRequestsWaitingBelowTheNewMaxOffset() {
    LongPollService service = inline(10, 100);
    assertThat(service.hold(request("a", "c1", "T", 5, 15_000))).isEqualTo(HoldStatus.HELD);
    assertThat(service.hold(request("b", "c1", "T", 6, 15_000))).isEqualTo(HoldStatus.HELD);
    assertThat(service.hold(request("c", "c1", "U", 0, 15_000))).isEqualTo(HoldStatus.HELD);

    service.onArrival("T", 0, 5); // not beyond a's offset
    assertThat(fired).isEmpty();
    service.onArrival("T", 1, 100); // another queue
    assertThat(fired).isEmpty();
    service.onArrival("T", 0, 6);
    assertThat(fired).containsExactly("a:ARRIVED");
    service.onArrival("T", 0, 9);
    assertThat(fired).containsExactly("a:ARRIVED", "b:ARRIVED");
    service.onArrival("T", 0, 10);
    assertThat(fired).hasSize(2);
    assertThat(service.heldCount()).isEqualTo(1);
    assertThat(service.heldCount("T", 0)).isZero();
  }

  @Test
  void shouldExpireAtTheDeadlineAndNotBefore() {
    LongPollService service = inline(10, 100);
    service.hold(request("a", "c1", "T", 0, 15_000));
    service.hold(request("b", "c1", "T", 0, 20_000));

    clock.set(T0 + 14_999);
    assertThat(service.expireDue()).isZero();
    clock.set(T0 + 15_000);
    assertThat(service.expireDue()).isEqualTo(1);
    assertThat(fired).containsExactly("a:EXPIRED");
    clock.set(T0 + 30_000);
    assertThat(service.expireDue()).isEqualTo(1);
    assertThat(fired).containsExactly("a:EXPIRED", "b:EXPIRED");
    service.onArrival("T", 0, 100);
    assertThat(fired).hasSize(2);
    assertThat(service.heldCount()).isZero();
  }

  @Test
  void shouldCancelAllRequestsOfAClosedConnectionWithoutCallingThem() {
    LongPollService service = inline(10, 100);
    service.hold(request("a", "conn-1", "T", 0, 15_000));
    service.hold(request("b", "conn-2", "T", 0, 15_000));
    service.hold(request("c", "conn-1", "U", 0, 15_000));

    assertThat(service.cancelOwner("conn-1")).isEqualTo(2);
    assertThat(service.heldCount()).isEqualTo(1);
    service.onArrival("T", 0, 1);
    service.onArrival("U", 0, 1);
    clock.advance(60_000);
    service.expireDue();
    assertThat(fired).containsExactly("b:ARRIVED");
  }

  @Test
  void shouldRejectBeyondThePerQueueAndTotalLimits() {
    LongPollService service = inline(2, 3);
    assertThat(service.hold(request("a", "c", "T", 0, 1_000))).isEqualTo(HoldStatus.HELD);
    assertThat(service.hold(request("b", "c", "T", 0, 1_000))).isEqualTo(HoldStatus.HELD);
    assertThat(service.hold(request("c", "c", "T", 0, 1_000)))
        .isEqualTo(HoldStatus.QUEUE_LIMIT_REACHED);
    assertThat(service.hold(request("d", "c", "U", 0, 1_000))).isEqualTo(HoldStatus.HELD);
    assertThat(service.hold(request("e", "c", "V", 0, 1_000)))
        .isEqualTo(HoldStatus.TOTAL_LIMIT_REACHED);
    assertThat(service.heldCount()).isEqualTo(3);

    service.onArrival("T", 0, 1);
    assertThat(service.hold(request("f", "c", "T", 0, 1_000))).isEqualTo(HoldStatus.HELD);
    clock.advance(1_000);
    service.expireDue();
    assertThat(fired).containsExactlyInAnyOrder("a:ARRIVED", "b:ARRIVED", "d:EXPIRED", "f:EXPIRED");
  }

  @Test
  void shouldRollBackAPartlyRegisteredMultiQueueRequestOnRejection() {
    LongPollService service = inline(1, 10);
    service.hold(request("a", "c", "U", 0, 1_000));
    PollRequest multi =
        PollRequest.builder("c", T0 + 1_000, reason -> fired.add("m:" + reason))
            .watch("T", 0, 0)
            .watch("U", 0, 0)
            .build();
    assertThat(service.hold(multi)).isEqualTo(HoldStatus.QUEUE_LIMIT_REACHED);
    assertThat(service.heldCount("T", 0)).isZero();
    assertThat(service.heldCount()).isEqualTo(1);
    service.onArrival("T", 0, 1);
    assertThat(fired).isEmpty();
  }

  @Test
  void shouldFireAMultiQueueRequestOnce() {
    LongPollService service = inline(10, 10);
    PollRequest multi =
        PollRequest.builder("c", T0 + 1_000, reason -> fired.add("m:" + reason))
            .watch("T", 0, 3)
            .watch("T", 1, 7)
            .build();
    service.hold(multi);
    service.onArrival("T", 1, 8);
    service.onArrival("T", 0, 4);
    clock.advance(5_000);
    service.expireDue();
    assertThat(fired).containsExactly("m:ARRIVED");
    assertThat(service.heldCount("T", 0)).isZero();
  }

  @Test
  void shouldWakeAtOnceWhenTheQueueGrewBeforeTheRequestWasHeld() {
    LongPollService service = inline(10, 10);
    maxOffsets.put("T/0", 4L); // a record arrived between the caller's read and hold()
    assertThat(service.hold(request("a", "c", "T", 3, 15_000))).isEqualTo(HoldStatus.HELD);
    assertThat(fired).containsExactly("a:ARRIVED");
    assertThat(service.heldCount()).isZero();
  }

  @Test
  void shouldExpireEverythingOnCloseAndRefuseNewRequests() {
    LongPollService service = inline(10, 10);
    service.hold(request("a", "c", "T", 0, 15_000));
    service.close();
    assertThat(fired).containsExactly("a:EXPIRED");
    assertThat(service.hold(request("b", "c", "T", 0, 15_000))).isEqualTo(HoldStatus.SHUT_DOWN);
  }

  @Test
  void shouldExpireOnTheTimerThreadWithARealClock() throws InterruptedException {
    executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-wake"));
    Clock real = Clock.systemUTC();
    try (LongPollService service =
        new LongPollService(LongPollConfig.defaults(), executor, (t, q) -> 0, real)) {
      service.start();
      CountDownLatch done = new CountDownLatch(1);
      AtomicReference<PollWakeReason> reason = new AtomicReference<>();
      long deadline = real.millis() + 20;
      service.hold(
          PollRequest.single(
              "c",
              "T",
              0,
              0,
              deadline,
              r -> {
                reason.set(r);
                done.countDown();
              }));
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(reason.get()).isEqualTo(PollWakeReason.EXPIRED);
      assertThat(real.millis()).isGreaterThanOrEqualTo(deadline);
    }
  }

  @Test
  void shouldRunArrivalCallbacksOffTheStoreDispatcherThread(@TempDir Path dir)
      throws InterruptedException {
    executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-wake"));
    try (MessageStore store = MessageTestSupport.openStore(dir, Clock.systemUTC());
        LongPollService service =
            new LongPollService(LongPollConfig.defaults(), executor, store::maxOffset, clock)) {
      store.addArrivalListener(service);
      CountDownLatch done = new CountDownLatch(1);
      AtomicReference<String> thread = new AtomicReference<>();
      AtomicReference<PollWakeReason> reason = new AtomicReference<>();
      assertThat(
              service.hold(
                  PollRequest.single(
                      "c",
                      "T",
                      0,
                      0,
                      T0 + 15_000,
                      r -> {
                        thread.set(Thread.currentThread().getName());
                        reason.set(r);
                        done.countDown();
                      })))
          .isEqualTo(HoldStatus.HELD);
      MessageTestSupport.appendNow(store, MessageTestSupport.message("T", 0, "x", Map.of()));
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(reason.get()).isEqualTo(PollWakeReason.ARRIVED);
      assertThat(thread.get()).isEqualTo("test-wake");
    }
  }
}
