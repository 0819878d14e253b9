package io.duetmq.store.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndexFileDescriptorTest {

  @Test
  void shouldSizeDefaultFilesLikeRocketMq() {
    assertThat(IndexConfig.defaults().fileLength()).isEqualTo(420_000_040L);
  }

  @Test
  void shouldPlaceSlotsAfterTheHeaderAndEntriesAfterTheSlots() {
    assertThat(IndexFileDescriptor.slotPosition(0)).isEqualTo(40);
    assertThat(IndexFileDescriptor.slotPosition(3)).isEqualTo(52);
    assertThat(IndexFileDescriptor.entryPosition(16, 1)).isEqualTo(40 + 64 + 20);
  }

  @Test
  void shouldHashTheMinimumHashCodeToZero() {
    assertThat("polygenelubricants".hashCode()).isEqualTo(Integer.MIN_VALUE);
    assertThat(IndexFileDescriptor.keyHash("polygenelubricants")).isZero();
    assertThat(IndexFileDescriptor.keyHash("T#k")).isEqualTo(Math.abs("T#k".hashCode()));
    assertThat(IndexFileDescriptor.slotOf(37, 16)).isEqualTo(5);
  }

  @Test
  void shouldRejectConfigsThatCannotHoldAnEntryOrFitAMapping() {
    assertThatThrownBy(() -> new IndexConfig(0, 10))
        .hasMessageContaining("maxHashSlots")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> new IndexConfig(10, 1))
        .hasMessageContaining("maxIndexCount")
        .hasMessageContaining("1");
    assertThatThrownBy(() -> new IndexConfig(5_000_000, 200_000_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4020000040");
  }
}
