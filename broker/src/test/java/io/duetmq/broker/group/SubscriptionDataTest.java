package io.duetmq.broker.group;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriptionDataTest {

  @Test
  void shouldSplitTagsAndHashThemLikeRocketMqClients() {
    SubscriptionData sub = SubscriptionData.of("T", " TagA || TagB ||", ExpressionType.TAG, 7);

    assertThat(sub.subString()).isEqualTo("TagA || TagB ||");
    assertThat(sub.tagsSet()).containsExactly("TagA", "TagB");
    assertThat(sub.codeSet()).containsExactly(2598919, 2598920);
    assertThat(sub.isAll()).isFalse();
    assertThat(sub.acceptsTagsCode("TagB".hashCode())).isTrue();
    assertThat(sub.acceptsTagsCode("TagC".hashCode())).isFalse();
    assertThat(sub.acceptsTagsCode(1L << 40)).isFalse();
  }

  @Test
  void shouldTreatStarBlankAndNullAsEverything() {
    for (String expression : new String[] {"*", "", " ", null}) {
      SubscriptionData sub = SubscriptionData.of("T", expression, ExpressionType.TAG, 1);
      assertThat(sub.subString()).isEqualTo("*");
      assertThat(sub.tagsSet()).isEmpty();
      assertThat(sub.isAll()).isTrue();
      assertThat(sub.acceptsTagsCode(12345)).isTrue();
    }
  }

  @Test
  void shouldLeaveSqlExpressionsToTheFilter() {
    SubscriptionData sub = SubscriptionData.of("T", "a > 5", ExpressionType.SQL92, 1);

    assertThat(sub.tagsSet()).isEmpty();
    assertThat(sub.isAll()).isFalse();
    assertThat(sub.acceptsTagsCode(42)).isTrue();
  }
}
