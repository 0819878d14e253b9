package io.duetmq.broker.delay;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.broker.message.MessagePropertyKeys;
import io.duetmq.store.log.CommitLogDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleTopicRouterTest {
  private final ScheduleTopicRouter router = new ScheduleTopicRouter(DelayLevels.defaults());

  private static Map<String, String> props(String delay) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(MessagePropertyKeys.TAGS, "t");
    if (delay != null) {
      properties.put(MessagePropertyKeys.DELAY, delay);
    }
    return properties;
  }

  @Test
  void shouldParkADelayedMessageInItsLevelsQueueWithItsRealDestination() {
    ScheduleRoute route = router.route("Orders", 5, 0, props("3"));
    assertThat(route.scheduled()).isTrue();
    assertThat(route.topic()).isEqualTo("SCHEDULE_TOPIC_XXXX");
    assertThat(route.queueId()).isEqualTo(2);
    assertThat(route.delayLevel()).isEqualTo(3);
    assertThat(route.properties())
        .containsEntry(MessagePropertyKeys.REAL_TOPIC, "Orders")
        .containsEntry(MessagePropertyKeys.REAL_QID, "5")
        .containsEntry(MessagePropertyKeys.DELAY, "3")
        .containsEntry(MessagePropertyKeys.TAGS, "t");
  }

  @Test
  void shouldClampLevelsAboveTheHighestAndDropTimerProperties() {
    Map<String, String> properties = props("40");
    properties.put(MessagePropertyKeys.TIMER_DELAY_SEC, "10");
    ScheduleRoute route = router.route("T", 0, 0, properties);
    assertThat(route.queueId()).isEqualTo(17);
    assertThat(route.properties())
        .containsEntry(MessagePropertyKeys.DELAY, "18")
        .doesNotContainKey(MessagePropertyKeys.TIMER_DELAY_SEC);
    assertThat(properties).containsEntry(MessagePropertyKeys.DELAY, "40"); // input untouched
  }

  @Test
  void shouldLeaveUndelayedHalfAndRolledBackMessagesWhereTheyAre() {
    for (String delay : new String[] {null, "0", "-1", "abc"}) {
      ScheduleRoute route = router.route("T", 1, 0, props(delay));
      assertThat(route.scheduled()).as("DELAY=%s", delay).isFalse();
      assertThat(route.topic()).isEqualTo("T");
      assertThat(route.queueId()).isEqualTo(1);
    }
    assertThat(
            router
                .route("T", 1, CommitLogDescriptor.SYSFLAG_TRANSACTION_PREPARED, props("2"))
                .scheduled())
        .isFalse();
    assertThat(
            router
                .route("T", 1, CommitLogDescriptor.SYSFLAG_TRANSACTION_COMMIT, props("2"))
                .scheduled())
        .isTrue();
  }
}
