package io.duetmq.broker.delay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DelayLevelsTest {

  @Test
  void shouldParseTheDefaultEighteenLevels() {
    DelayLevels levels = DelayLevels.defaults();
    assertThat(levels.maxLevel()).isEqualTo(18);
    long[] expected = {
      1_000, 5_000, 10_000, 30_000, 60_000, 120_000, 180_000, 240_000, 300_000, 360_000, 420_000,
      480_000, 540_000, 600_000, 1_200_000, 1_800_000, 3_600_000, 7_200_000
    };
    for (int level = 1; level <= 18; level++) {
      assertThat(levels.delayMillis(level)).as("level %d", level).isEqualTo(expected[level - 1]);
    }
  }

  @Test
  void shouldAcceptDaysAndExtraSpacesAndClampHighLevels() {
    DelayLevels levels = DelayLevels.parse("  2s   1d ");
    assertThat(levels.maxLevel()).isEqualTo(2);
    assertThat(levels.delayMillis(2)).isEqualTo(86_400_000L);
    assertThat(levels.clamp(7)).isEqualTo(2);
    assertThat(levels.clamp(1)).isEqualTo(1);
    assertThatThrownBy(() -> levels.delayMillis(3)).hasMessageContaining("3");
    assertThatThrownBy(() -> levels.delayMillis(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "1x", "s", "-1s", "0s", "1.5s", "1s 2"})
  void shouldRejectMalformedLevelLists(String spec) {
    assertThatThrownBy(() -> DelayLevels.parse(spec)).isInstanceOf(IllegalArgumentException.class);
  }
}
