package io.duetmq.broker.delay;

import static io.duetmq.broker.message.MessageTestSupport.appendNow;
import static io.duetmq.broker.message.MessageTestSupport.awaitDispatched;
import static io.duetmq.broker.message.MessageTestSupport.readAll;
import static io.duetmq.broker.message.MessageTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.config.MutableClock;
import io.duetmq.broker.message.MessageProperties;
import io.duetmq.broker.message.MessagePropertyKeys;
import io.duetmq.broker.message.MessageTestSupport;
import io.duetmq.broker.message.StoredMessage;
import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendResult;
import io.duetmq.store.AppendStatus;
import io.duetmq.store.MessageAppender;
import io.duetmq.store.MessageStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleMessageServiceTest {
  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private final ScheduleTopicRouter router = new ScheduleTopicRouter(DelayLevels.defaults());

  private AppendRequest delayed(String topic, int queueId, String body, int level) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(MessagePropertyKeys.TAGS, "tagA");
    properties.put(MessagePropertyKeys.DELAY, Integer.toString(level));
    ScheduleRoute route = router.route(topic, queueId, 0, properties);
    return MessageTestSupport.message(route.topic(), route.queueId(), body, route.properties());
  }

  private ScheduleMessageService service(MessageStore store, MessageAppender appender, int batch) {
    return new ScheduleMessageService(
        new ScheduleConfig(DelayLevels.defaults(), batch, 1_000),
        store,
        appender,
        new DelayOffsetFile(DelayOffsetFile.defaultPath(dir)),
        clock);
  }

  @Test
  void shouldDeliverALevelOneMessageAtOneSecondAndNotBefore() throws Exception {
    try (MessageStore store = MessageTestSupport.openStore(dir.resolve("store"), clock)) {
      appendNow(store, delayed("Orders", 2, "hello", 1));
      awaitDispatched(store);
      ScheduleMessageService service = service(store, store, 32);

      clock.set(T0 + 999);
      assertThat(service.tick()).isZero();
      assertThat(service.nextDueMillis(1)).isEqualTo(T0 + 1_000);
      clock.set(T0 + 1_000);
      assertThat(service.tick()).isEqualTo(1);
      awaitDispatched(store);

      List<StoredMessage> delivered = readAll(store, "Orders", 2);
      assertThat(delivered).hasSize(1);
      StoredMessage message = delivered.get(0);
      assertThat(text(message.body())).isEqualTo("hello");
      assertThat(message.storeTimestamp()).isEqualTo(T0 + 1_000);
      assertThat(message.properties())
          .doesNotContainKey(MessagePropertyKeys.DELAY)
          .containsEntry(MessagePropertyKeys.TAGS, "tagA")
          .containsEntry(MessagePropertyKeys.REAL_TOPIC, "Orders")
          .containsEntry(MessagePropertyKeys.WAIT, "false");
      assertThat(service.nextOffset(1)).isEqualTo(1);
      assertThat(Files.readString(DelayOffsetFile.defaultPath(dir))).contains("{1:1,2:0,");
      service.close();
    }
  }

  @Test
  void shouldResumeAfterARestartWithoutLosingOrRepeating() throws Exception {
    Path storeDir = dir.resolve("store");
    try (MessageStore store = MessageTestSupport.openStore(storeDir, clock)) {
      for (int i = 0; i < 5; i++) {
        appendNow(store, delayed("T", 0, "m" + i, 1));
      }
      awaitDispatched(store);
      clock.set(T0 + 1_000);
      ScheduleMessageService first = service(store, store, 3);
      assertThat(first.tick()).isEqualTo(3); // one batch, saved after the tick
      // no close(): what a crash right now would leave behind
      assertThat(Files.readString(DelayOffsetFile.defaultPath(dir)))
          .startsWith("{\"offsetTable\":{1:3,");
      first.close();
    }
    try (MessageStore store = MessageTestSupport.openStore(storeDir, clock)) {
      ScheduleMessageService second = service(store, store, 3);
      assertThat(second.nextOffset(1)).isEqualTo(3);
      assertThat(second.tick()).isEqualTo(2);
      assertThat(second.tick()).isZero();
      awaitDispatched(store);
      assertThat(readAll(store, "T", 0))
          .extracting(m -> text(m.body()))
          .containsExactly("m0", "m1", "m2", "m3", "m4");
      second.close();
    }
  }

  @Test
  void shouldOnlyReadEntriesThatAreDueAmongTenThousandPending() {
    try (MessageStore store = MessageTestSupport.openStore(dir.resolve("store"), clock)) {
      List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
      int[] perLevel = new int[19];
      for (int i = 0; i < 10_000; i++) {
        int level = 2 + i % 17;
        perLevel[level]++;
        futures.add(store.append(delayed("T", 0, "p" + i, level)));
      }
      for (int i = 0; i < 5; i++) {
        futures.add(store.append(delayed("T", 1, "due" + i, 1)));
      }
      futures.forEach(f -> assertThat(f.join().status()).isEqualTo(AppendStatus.PUT_OK));
      awaitDispatched(store);
      ScheduleMessageService service = service(store, store, 32);

      assertThat(service.tick()).isZero();
      assertThat(service.entriesRead()).isEqualTo(18); // one look at each level's head
      clock.set(T0 + 999);
      assertThat(service.tick()).isZero();
      assertThat(service.entriesRead()).isEqualTo(18); // no level is due: nothing read

      clock.set(T0 + 1_000);
      assertThat(service.tick()).isEqualTo(5);
      assertThat(service.entriesRead()).isEqualTo(18 + 5 + 1); // five due, one look past them

      clock.set(T0 + 5_000); // level 2 (5 s) becomes due, levels 3..18 are not
      long before = service.entriesRead();
      int delivered = 0;
      int ticks = 0;
      for (int n; (n = service.tick()) > 0; ticks++) {
        delivered += n;
      }
      ticks++;
      assertThat(delivered).isEqualTo(perLevel[2]);
      assertThat(service.entriesRead() - before).isLessThanOrEqualTo(delivered + ticks);
      assertThat(service.nextOffset(3)).isZero();
      service.close();
    }
  }

  @Test
  void shouldRetryATransientlyFailedReputWithoutAdvancing() {
    try (MessageStore store = MessageTestSupport.openStore(dir.resolve("store"), clock)) {
      appendNow(store, delayed("T", 0, "x", 1));
      awaitDispatched(store);
      MessageAppender flaky = new FailingFirstAppender(store, 1);
      ScheduleMessageService service = service(store, flaky, 32);

      clock.set(T0 + 1_000);
      assertThat(service.tick()).isZero();
      assertThat(service.nextOffset(1)).isZero();
      assertThat(service.nextDueMillis(1)).isEqualTo(T0 + 2_000);
      clock.set(T0 + 1_500);
      assertThat(service.tick()).isZero();
      clock.set(T0 + 2_000);
      assertThat(service.tick()).isEqualTo(1);
      assertThat(service.nextOffset(1)).isEqualTo(1);
      service.close();
    }
  }

  @Test
  void shouldSkipAParkedMessageWithoutARealTopic() {
    try (MessageStore store = MessageTestSupport.openStore(dir.resolve("store"), clock)) {
      appendNow(
          store,
          MessageTestSupport.message(
              ScheduleTopicRouter.SCHEDULE_TOPIC,
              0,
              "orphan",
              Map.of(MessagePropertyKeys.DELAY, "1")));
      appendNow(store, delayed("T", 0, "good", 1));
      awaitDispatched(store);
      ScheduleMessageService service = service(store, store, 32);
      clock.set(T0 + 1_000);
      assertThat(service.tick()).isEqualTo(1);
      assertThat(service.nextOffset(1)).isEqualTo(2);
      service.close();
    }
  }

  @Test
  void shouldDeliverOnItsOwnThreadWhenTheClockReachesTheDeliverTime() throws Exception {
    try (MessageStore store = MessageTestSupport.openStore(dir.resolve("store"), clock)) {
      CountDownLatch arrived = new CountDownLatch(1);
      store.addArrivalListener(
          (topic, queueId, max) -> {
            if (topic.equals("Real")) {
              arrived.countDown();
            }
          });
      try (ScheduleMessageService service = service(store, store, 32)) {
        store.addArrivalListener(service);
        service.start();
        appendNow(store, delayed("Real", 0, "late", 1));
        awaitDispatched(store);
        assertThat(arrived.await(20, TimeUnit.MILLISECONDS)).isFalse(); // fake time stands still
        clock.set(T0 + 1_000);
        service.wakeup();
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        awaitDispatched(store);
        StoredMessage message = readAll(store, "Real", 0).get(0);
        assertThat(message.storeTimestamp()).isGreaterThanOrEqualTo(T0 + 1_000);
        assertThat(MessageProperties.format(message.properties())).doesNotContain("DELAY");
      }
    }
  }

  /** Fails the first appends with SERVICE_NOT_AVAILABLE, then delegates. */
  private static final class FailingFirstAppender implements MessageAppender {
    private final MessageAppender delegate;
    private int failures;

    FailingFirstAppender(MessageAppender delegate, int failures) {
      this.delegate = delegate;
      this.failures = failures;
    }

    @Override
    public CompletableFuture<AppendResult> append(AppendRequest request) {
      if (failures-- > 0) {
        return CompletableFuture.completedFuture(
            AppendResult.failed(AppendStatus.SERVICE_NOT_AVAILABLE));
      }
      return delegate.append(request);
    }

    // no @Override: present in newer store APIs only
    public CompletableFuture<List<AppendResult>> appendAll(List<AppendRequest> requests) {
      List<CompletableFuture<AppendResult>> each = new ArrayList<>();
      requests.forEach(r -> each.add(append(r)));
      return CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0]))
          .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
    }
  }
}
