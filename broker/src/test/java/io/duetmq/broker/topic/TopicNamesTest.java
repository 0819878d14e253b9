package io.duetmq.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TopicNamesTest {
  private static final String ALLOWED =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%|_-";

  @Test
  void shouldAcceptRocketMqNamesUpTo127Characters() {
    assertThat(TopicNames.validate("TopicTest")).isNull();
    assertThat(TopicNames.validate("%RETRY%cg")).isNull();
    assertThat(TopicNames.validate("a|b_c-d")).isNull();
    assertThat(TopicNames.validate("x".repeat(127))).isNull();
  }

  @Test
  void shouldRejectBlankLongAndIllegalNames() {
    assertThat(TopicNames.validate(null)).contains("blank");
    assertThat(TopicNames.validate(" ")).contains("blank");
    assertThat(TopicNames.validate("x".repeat(128))).contains("max length 127");
    assertThat(TopicNames.validate("a.b")).contains("illegal characters");
    assertThat(TopicNames.validate("a b")).contains("illegal characters");
    assertThat(TopicNames.validate("tópico")).contains("illegal characters");
  }

  @Property
  void shouldAcceptEveryNameOfTheAllowedAlphabet(@ForAll("validNames") String name) {
    assertThat(TopicNames.isValid(name)).isTrue();
  }

  @Property
  void shouldRejectAnyNameWithAForeignCharacter(
      @ForAll("validNames") String name, @ForAll("foreignChars") char c) {
    String bad = name.substring(0, name.length() / 2) + c + name.substring(name.length() / 2);
    assertThat(TopicNames.isValid(bad.length() > 127 ? bad.substring(1) : bad)).isFalse();
  }

  @Provide
  Arbitrary<String> validNames() {
    return Arbitraries.strings().withChars(ALLOWED.toCharArray()).ofMinLength(1).ofMaxLength(127);
  }

  @Provide
  Arbitrary<Character> foreignChars() {
    return Arbitraries.chars().filter(c -> ALLOWED.indexOf(c) < 0);
  }

  @Test
  void shouldKnowSystemAndNotSendableTopics() {
    assertThat(TopicNames.isSystemTopic("TBW102")).isTrue();
    assertThat(TopicNames.isSystemTopic("rmq_sys_wheel_timer")).isTrue();
    assertThat(TopicNames.isSystemTopic("%DUETMQ%consumer_offsets")).isTrue();
    assertThat(TopicNames.isSystemTopic("TopicTest")).isFalse();
    assertThat(TopicNames.isNotSendable("SCHEDULE_TOPIC_XXXX")).isTrue();
    assertThat(TopicNames.isNotSendable("TBW102")).isFalse();
    assertThat(TopicNames.retryTopic("cg")).isEqualTo("%RETRY%cg");
    assertThat(TopicNames.dlqTopic("cg")).isEqualTo("%DLQ%cg");
  }
}
