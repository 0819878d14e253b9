package io.duetmq.broker.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.config.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsumerGroupRegistryTest {
  private static final long EXPIRY = 120_000;
  private final MutableClock clock = new MutableClock(1_000_000);
  private final Set<String> mutedGroups = ConcurrentHashMap.newKeySet();
  private final ConsumerGroupRegistry registry =
      new ConsumerGroupRegistry(clock, EXPIRY, group -> !mutedGroups.contains(group));

  private static ConsumerHeartbeat heartbeat(
      String group, String clientId, ClientConnection connection, SubscriptionData... subs) {
    return heartbeat(group, clientId, connection, MessageModel.CLUSTERING, subs);
  }

  private static ConsumerHeartbeat heartbeat(
      String group,
      String clientId,
      ClientConnection connection,
      MessageModel model,
      SubscriptionData... subs) {
    return new ConsumerHeartbeat(
        group,
        clientId,
        connection,
        ConsumeType.PUSH,
        model,
        ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
        List.of(subs));
  }

  private static SubscriptionData sub(String topic, String expression, long version) {
    return SubscriptionData.of(topic, expression, ExpressionType.TAG, version);
  }

  @Test
  void shouldNotifyEveryMemberWhenAConsumerJoins() {
    FakeConnection a = new FakeConnection("a");
    FakeConnection b = new FakeConnection("b");

    boolean first = registry.register(heartbeat("cg", "10.0.0.1@a", a, sub("T", "*", 1)));
    boolean second = registry.register(heartbeat("cg", "10.0.0.2@b", b, sub("T", "*", 1)));

    assertThat(first).isTrue();
    assertThat(second).isTrue();
    assertThat(a.notified).containsExactly("cg", "cg");
    assertThat(b.notified).containsExactly("cg");
    assertThat(registry.consumerIds("cg")).containsExactly("10.0.0.1@a", "10.0.0.2@b");
  }

  @Test
  void shouldStayQuietOnARepeatedHeartbeat() {
    FakeConnection a = new FakeConnection("a");
    registry.register(heartbeat("cg", "c1", a, sub("T", "*", 1)));
    a.notified.clear();

    clock.advance(30_000);
    boolean changed = registry.register(heartbeat("cg", "c1", a, sub("T", "*", 1)));

    assertThat(changed).isFalse();
    assertThat(a.notified).isEmpty();
    assertThat(registry.find("cg").clients().get(0).lastHeartbeatMillis())
        .isEqualTo(clock.millis());
  }

  @Test
  void shouldNotifyWhenTheSubscribedTopicsChangeButNotForANewerExpression() {
    FakeConnection a = new FakeConnection("a");
    registry.register(heartbeat("cg", "c1", a, sub("T", "*", 1)));
    a.notified.clear();

    boolean newerExpression = registry.register(heartbeat("cg", "c1", a, sub("T", "TagA", 2)));
    boolean olderExpression = registry.register(heartbeat("cg", "c1", a, sub("T", "TagB", 1)));
    boolean addedTopic =
        registry.register(heartbeat("cg", "c1", a, sub("T", "TagA", 2), sub("U", "*", 3)));
    boolean droppedTopic = registry.register(heartbeat("cg", "c1", a, sub("U", "*", 3)));

    assertThat(newerExpression).isFalse();
    assertThat(olderExpression).isFalse();
    assertThat(addedTopic).isTrue();
    assertThat(droppedTopic).isTrue();
    assertThat(a.notified).hasSize(2);
    assertThat(registry.subscription("cg", "T")).isNull();
    assertThat(registry.subscription("cg", "U").subVersion()).isEqualTo(3);
  }

  @Test
  void shouldKeepTheNewestSubscriptionVersion() {
    FakeConnection a = new FakeConnection("a");
    registry.register(heartbeat("cg", "c1", a, sub("T", "TagA", 5)));

    registry.register(heartbeat("cg", "c1", a, sub("T", "TagB", 4)));
    SubscriptionData afterOlder = registry.subscription("cg", "T");
    registry.register(heartbeat("cg", "c1", a, sub("T", "TagC", 6)));

    assertThat(afterOlder.subString()).isEqualTo("TagA");
    assertThat(registry.subscription("cg", "T").subString()).isEqualTo("TagC");
    assertThat(registry.subscription("cg", "T").subVersion()).isEqualTo(6);
  }

  @Test
  void shouldNotNotifyBroadcastingGroupsOrMutedGroups() {
    FakeConnection a = new FakeConnection("a");
    FakeConnection b = new FakeConnection("b");
    mutedGroups.add("muted");

    registry.register(heartbeat("bc", "c1", a, MessageModel.BROADCASTING, sub("T", "*", 1)));
    registry.register(heartbeat("bc", "c2", b, MessageModel.BROADCASTING, sub("T", "*", 1)));
    registry.register(heartbeat("muted", "c1", a, sub("T", "*", 1)));
    boolean changed = registry.register(heartbeat("muted", "c2", b, sub("T", "*", 1)));

    assertThat(changed).isTrue();
    assertThat(a.notified).isEmpty();
    assertThat(b.notified).isEmpty();
    assertThat(registry.consumerIds("bc")).containsExactly("c1", "c2");
  }

  @Test
  void shouldRemoveAClosedConnectionFromEveryGroupAndNotifyTheRest() {
    FakeConnection a = new FakeConnection("a");
    FakeConnection b = new FakeConnection("b");
    registry.register(heartbeat("g1", "c1", a, sub("T", "*", 1)));
    registry.register(heartbeat("g2", "c1", a, sub("T", "*", 1)));
    registry.register(heartbeat("g1", "c2", b, sub("T", "*", 1)));
    b.notified.clear();

    List<String> affected = registry.onConnectionClosed(a);

    assertThat(affected).containsExactlyInAnyOrder("g1", "g2");
    assertThat(registry.consumerIds("g1")).containsExactly("c2");
    assertThat(registry.consumerIds("g2")).isEmpty();
    assertThat(registry.find("g2")).isNull();
    assertThat(registry.groups()).containsExactly("g1");
    assertThat(b.notified).containsExactly("g1");
  }

  @Test
  void shouldUnregisterAClientById() {
    FakeConnection a = new FakeConnection("a");
    FakeConnection b = new FakeConnection("b");
    registry.register(heartbeat("cg", "c1", a, sub("T", "*", 1)));
    registry.register(heartbeat("cg", "c2", b, sub("T", "*", 1)));
    b.notified.clear();

    assertThat(registry.unregister("cg", "c1")).isTrue();
    assertThat(registry.unregister("cg", "c1")).isFalse();
    assertThat(registry.unregister("nope", "c1")).isFalse();
    assertThat(registry.consumerIds("cg")).containsExactly("c2");
    assertThat(b.notified).containsExactly("cg");
  }

  @Test
  void shouldExpireClientsSilentForMoreThanTheTimeoutAndThoseWithClosedConnections() {
    FakeConnection old = new FakeConnection("old");
    FakeConnection fresh = new FakeConnection("fresh");
    FakeConnection dead = new FakeConnection("dead");
    registry.register(heartbeat("cg", "old", old, sub("T", "*", 1)));
    clock.advance(60_000);
    registry.register(heartbeat("cg", "fresh", fresh, sub("T", "*", 1)));
    registry.register(heartbeat("cg", "dead", dead, sub("T", "*", 1)));

    clock.advance(EXPIRY - 60_000);
    assertThat(registry.scanExpired()).isEmpty();

    dead.active = false;
    clock.advance(1);
    fresh.notified.clear();
    List<ClientInfo> expired = registry.scanExpired();

    assertThat(expired).extracting(ClientInfo::clientId).containsExactlyInAnyOrder("old", "dead");
    assertThat(registry.consumerIds("cg")).containsExactly("fresh");
    assertThat(fresh.notified).containsExactly("cg");
  }

  @Test
  void shouldListDistinctClientIdsWhenAClientReconnects() {
    FakeConnection first = new FakeConnection("first");
    FakeConnection second = new FakeConnection("second");
    registry.register(heartbeat("cg", "c1", first, sub("T", "*", 1)));
    first.notified.clear();

    boolean changed = registry.register(heartbeat("cg", "c1", second, sub("T", "*", 1)));
    registry.onConnectionClosed(first);

    assertThat(changed).isFalse();
    assertThat(first.notified).isEmpty();
    assertThat(registry.consumerIds("cg")).containsExactly("c1");
    assertThat(registry.find("cg").clients())
        .extracting(ClientInfo::connection)
        .containsExactly(second);
  }

  @Test
  void shouldAnswerWhichGroupsReadATopicAndDescribeAGroup() {
    FakeConnection a = new FakeConnection("a");
    registry.register(heartbeat("g2", "c1", a, sub("T", "*", 1), sub("%RETRY%g2", "*", 1)));
    registry.register(heartbeat("g1", "c1", a, sub("T", "TagA", 1)));
    registry.register(heartbeat("g3", "c1", a, sub("U", "*", 1)));

    assertThat(registry.groupsOf("T")).containsExactly("g1", "g2");
    ConsumerGroupInfo info = registry.find("g2");
    assertThat(info.consumeType()).isEqualTo(ConsumeType.PUSH);
    assertThat(info.messageModel()).isEqualTo(MessageModel.CLUSTERING);
    assertThat(info.consumeFromWhere()).isEqualTo(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
    assertThat(info.subscriptions()).containsOnlyKeys("%RETRY%g2", "T");
    assertThat(info.clients()).extracting(ClientInfo::clientId).containsExactly("c1");
    assertThat(registry.find("none")).isNull();
  }

  @Test
  void shouldNeverLoseARegistrationRacingWithTheLastMemberLeaving() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 200; round++) {
        FakeConnection leaving = new FakeConnection("l" + round);
        FakeConnection joining = new FakeConnection("j" + round);
        String group = "g" + round;
        registry.register(heartbeat(group, "leaving", leaving, sub("T", "*", 1)));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        tasks.add(pool.submit(() -> awaitThen(start, () -> registry.onConnectionClosed(leaving))));
        tasks.add(
            pool.submit(
                () ->
                    awaitThen(
                        start,
                        () ->
                            registry.register(
                                heartbeat(group, "joining", joining, sub("T", "*", 1))))));
        start.countDown();
        for (Future<?> task : tasks) {
          task.get(10, TimeUnit.SECONDS);
        }
        assertThat(registry.consumerIds(group)).containsExactly("joining");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitThen(CountDownLatch latch, Runnable action) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    action.run();
  }

  @Test
  void shouldMapRocketMqConsumeTypeNames() {
    assertThat(ConsumeType.fromWireName("CONSUME_PASSIVELY")).isEqualTo(ConsumeType.PUSH);
    assertThat(ConsumeType.fromWireName("CONSUME_ACTIVELY")).isEqualTo(ConsumeType.PULL);
    assertThat(ConsumeType.PULL.wireName()).isEqualTo("CONSUME_ACTIVELY");
  }
}
