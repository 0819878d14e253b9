package io.duetmq.broker.retry;

import static io.duetmq.broker.message.MessageTestSupport.appendNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duetmq.broker.config.MutableClock;
import io.duetmq.broker.delay.DelayLevels;
import io.duetmq.broker.delay.ScheduleTopicRouter;
import io.duetmq.broker.message.MessageProperties;
import io.duetmq.broker.message.MessagePropertyKeys;
import io.duetmq.broker.message.MessageTestSupport;
import io.duetmq.broker.message.StoredMessage;
import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendResult;
import io.duetmq.store.MessageStore;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
  @TempDir static Path dir;
  private static MessageStore store;

  private final Map<String, int[]> groups = new LinkedHashMap<>();
  private final RetryPolicySource source =
      new RetryPolicySource() {
        @Override
        public int maxReconsumeTimes(String group) {
          return groups.getOrDefault(group, new int[] {16, 1})[0];
        }

        @Override
        public int retryQueueNums(String group) {
          return groups.getOrDefault(group, new int[] {16, 1})[1];
        }
      };
  private final RetryPolicy policy = new RetryPolicy(source, new SplittableRandom(7));

  @BeforeAll
  static void openStore() {
    store = MessageTestSupport.openStore(dir, new MutableClock(1_700_000_000_000L));
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  private static StoredMessage stored(int reconsumeTimes, Map<String, String> properties) {
    AppendResult result =
        appendNow(
            store,
            AppendRequest.builder("Orders", 0, MessageTestSupport.utf8("body"))
                .properties(MessageProperties.format(properties))
                .reconsumeTimes(reconsumeTimes)
                .flag(4)
                .build());
    return StoredMessage.decode(store.lookup(result.physicalOffset()));
  }

  private static Map<String, String> tagged() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(MessagePropertyKeys.TAGS, "a");
    properties.put(MessagePropertyKeys.UNIQ_KEY, "0A00000530396D06D69C0ABCDEF00001");
    return properties;
  }

  @ParameterizedTest(name = "[{index}] times={0} level={1} header={2} v={3} group={4} -> {5}")
  @CsvSource(
      nullValues = "null",
      value = {
        // times, level, header max, version, group max, action, topic, delay
        "0,  0,  null, 400, 16, RETRY,       %RETRY%g, 3",
        "1,  0,  null, 400, 16, RETRY,       %RETRY%g, 4",
        "15, 0,  null, 400, 16, RETRY,       %RETRY%g, 18",
        "16, 0,  null, 400, 16, DEAD_LETTER, %DLQ%g,   0",
        "17, 0,  null, 400, 16, DEAD_LETTER, %DLQ%g,   0",
        "0,  5,  null, 400, 16, RETRY,       %RETRY%g, 5",
        "0,  -1, null, 400, 16, DEAD_LETTER, %DLQ%g,   0",
        "2,  0,  2,    400, 16, DEAD_LETTER, %DLQ%g,   0", // header max honoured
        "2,  0,  2,    120, 16, RETRY,       %RETRY%g, 5", // old client: group max
        "2,  0,  null, 121, 3,  RETRY,       %RETRY%g, 5", // header absent: group max
        "3,  0,  null, 121, 3,  DEAD_LETTER, %DLQ%g,   0",
        "20, 0,  2147483647, 400, 16, RETRY, %RETRY%g, 23", // orderly: unbounded, clamped later
      })
  void shouldDecideLikeConsumerSendMsgBack(
      int times,
      int level,
      Integer headerMax,
      int version,
      int groupMax,
      RetryAction action,
      String topic,
      int delay) {
    groups.put("g", new int[] {groupMax, 1});
    StoredMessage original = stored(times, tagged());
    RetryDecision decision =
        policy.decideSendBack(original, new SendBackRequest("g", level, headerMax, version, null));

    assertThat(decision.action()).isEqualTo(action);
    assertThat(decision.topic()).isEqualTo(topic);
    assertThat(decision.queueId()).isZero();
    assertThat(decision.delayLevel()).isEqualTo(delay);
    assertThat(decision.reconsumeTimes()).isEqualTo(times + 1);
    assertThat(decision.properties())
        .containsEntry(MessagePropertyKeys.RETRY_TOPIC, "Orders")
        .containsEntry(MessagePropertyKeys.WAIT, "false")
        .containsEntry(MessagePropertyKeys.ORIGIN_MESSAGE_ID, original.offsetMessageId())
        .containsEntry(MessagePropertyKeys.TAGS, "a");
    if (action == RetryAction.RETRY) {
      assertThat(decision.properties()).containsEntry(MessagePropertyKeys.DELAY, "" + delay);
    } else {
      assertThat(decision.properties()).doesNotContainKey(MessagePropertyKeys.DELAY);
    }
  }

  @Test
  void shouldKeepAnExistingRetryTopicAndOriginId() {
    Map<String, String> properties = tagged();
    properties.put(MessagePropertyKeys.RETRY_TOPIC, "First");
    properties.put(MessagePropertyKeys.ORIGIN_MESSAGE_ID, "ORIGIN");
    properties.put(MessagePropertyKeys.DELAY, "4");
    RetryDecision decision =
        policy.decideSendBack(stored(1, properties), new SendBackRequest("g", 0, null, 400, null));
    assertThat(decision.properties())
        .containsEntry(MessagePropertyKeys.RETRY_TOPIC, "First")
        .containsEntry(MessagePropertyKeys.ORIGIN_MESSAGE_ID, "ORIGIN")
        .containsEntry(MessagePropertyKeys.DELAY, "4");
  }

  @Test
  void shouldDropWithoutRetryQueuesAndRefuseAForeignOriginTopic() {
    groups.put("none", new int[] {16, 0});
    StoredMessage original = stored(0, tagged());
    assertThat(
            policy
                .decideSendBack(original, new SendBackRequest("none", 0, null, 400, null))
                .action())
        .isEqualTo(RetryAction.DROP);
    assertThat(
            policy
                .decideSendBack(original, new SendBackRequest("g", 0, null, 400, "Other"))
                .action())
        .isEqualTo(RetryAction.TOPIC_MISMATCH);
    assertThatThrownBy(
            () ->
                policy
                    .decideSendBack(original, new SendBackRequest("none", 0, null, 400, null))
                    .appendRequest(original, new ScheduleTopicRouter(DelayLevels.defaults())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldAcceptTheOriginalTopicForAMessageAlreadyInTheRetryTopic() {
    Map<String, String> properties = tagged();
    properties.put(MessagePropertyKeys.RETRY_TOPIC, "Orders");
    AppendResult result =
        appendNow(
            store,
            AppendRequest.builder("%RETRY%g", 0, MessageTestSupport.utf8("body"))
                .properties(MessageProperties.format(properties))
                .reconsumeTimes(1)
                .build());
    StoredMessage retried = StoredMessage.decode(store.lookup(result.physicalOffset()));

    RetryDecision decision =
        policy.decideSendBack(retried, new SendBackRequest("g", 0, null, 400, "Orders"));

    assertThat(decision.action()).isNotEqualTo(RetryAction.TOPIC_MISMATCH);
    assertThat(
            policy
                .decideSendBack(retried, new SendBackRequest("g", 0, null, 400, "Other"))
                .action())
        .isEqualTo(RetryAction.TOPIC_MISMATCH);
  }

  @Test
  void shouldSpreadRetriesOverTheGroupsRetryQueues() {
    groups.put("wide", new int[] {16, 4});
    StoredMessage original = stored(0, tagged());
    Set<Integer> queues = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int queue =
          policy
              .decideSendBack(original, new SendBackRequest("wide", 0, null, 400, null))
              .queueId();
      assertThat(queue).isBetween(0, 3);
      queues.add(queue);
    }
    assertThat(queues).hasSize(4);
  }

  @Test
  void shouldBuildAParkedRetryRecordAndADirectDeadLetterRecord() {
    ScheduleTopicRouter router = new ScheduleTopicRouter(DelayLevels.defaults());
    StoredMessage original = stored(2, tagged());
    RetryDecision retry =
        policy.decideSendBack(original, new SendBackRequest("g", 0, null, 400, null));
    AppendRequest parked = retry.appendRequest(original, router).build();
    assertThat(parked.topic()).isEqualTo(ScheduleTopicRouter.SCHEDULE_TOPIC);
    assertThat(parked.queueId()).isEqualTo(4); // level 5
    assertThat(parked.reconsumeTimes()).isEqualTo(3);
    assertThat(parked.flag()).isEqualTo(4);
    assertThat(parked.waitForFlush()).isFalse();
    StoredMessage parkedCopy =
        StoredMessage.decode(store.lookup(appendNow(store, parked).physicalOffset()));
    assertThat(parkedCopy.properties())
        .containsEntry(MessagePropertyKeys.REAL_TOPIC, "%RETRY%g")
        .containsEntry(MessagePropertyKeys.REAL_QID, "0");

    RetryDecision dead =
        policy.decideSendBack(original, new SendBackRequest("g", -1, null, 400, null));
    AppendRequest direct = dead.appendRequest(original, router).build();
    assertThat(direct.topic()).isEqualTo("%DLQ%g");
    assertThat(direct.queueId()).isZero();
  }

  @ParameterizedTest(name = "[{index}] times={0} header={1} locks={2} -> {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        "16, null, false, RETRY", // equal to the maximum: still retried on the send path
        "17, null, false, DEAD_LETTER",
        "3,  2,    false, DEAD_LETTER",
        "1,  null, true,  DEAD_LETTER",
      })
  void shouldApplyTheDeadLetterRuleToRetryTopicSends(
      int times, Integer headerMax, boolean locks, RetryAction action) {
    Map<String, String> properties = tagged();
    properties.put(MessagePropertyKeys.DELAY, "5");
    RetryDecision decision =
        policy.decideRetrySend("%RETRY%g", 0, times, headerMax, 400, locks, properties);
    assertThat(decision.action()).isEqualTo(action);
    if (action == RetryAction.DEAD_LETTER) {
      assertThat(decision.topic()).isEqualTo("%DLQ%g");
      assertThat(decision.properties()).doesNotContainKey(MessagePropertyKeys.DELAY);
    } else {
      assertThat(decision.topic()).isEqualTo("%RETRY%g");
      assertThat(decision.delayLevel()).isEqualTo(5);
    }
    assertThat(properties).containsEntry(MessagePropertyKeys.DELAY, "5");
  }

  @Test
  void shouldNameRetryAndDeadLetterTopics() {
    assertThat(RetryTopicNames.retryTopic("g")).isEqualTo("%RETRY%g");
    assertThat(RetryTopicNames.dlqTopic("g")).isEqualTo("%DLQ%g");
    assertThat(RetryTopicNames.groupOfRetryTopic("%RETRY%g")).isEqualTo("g");
    assertThat(RetryTopicNames.isDlqTopic("%DLQ%g")).isTrue();
    assertThatThrownBy(() -> RetryTopicNames.groupOfRetryTopic("g")).hasMessageContaining("g");
  }
}
