package io.duetmq.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ConsumeQueueDescriptorTest {

  @Test
  void shouldFormatFileNameAsTwentyZeroPaddedDigits() {
    assertThat(ConsumeQueueDescriptor.fileName(0)).isEqualTo("00000000000000000000");
    assertThat(ConsumeQueueDescriptor.fileName(12_000_000)).isEqualTo("00000000000012000000");
    assertThat(ConsumeQueueDescriptor.fileName(Long.MAX_VALUE)).isEqualTo("09223372036854775807");
  }

  @Property(tries = 200)
  void shouldParseEveryNameItFormats(@ForAll @LongRange(min = 0) long startOffset) {
    String name = ConsumeQueueDescriptor.fileName(startOffset);

    assertThat(name).hasSize(ConsumeQueueDescriptor.FILE_NAME_LENGTH);
    assertThat(ConsumeQueueDescriptor.parseFileName(name)).isEqualTo(startOffset);
  }

  @Test
  void shouldRejectNamesThatAreNotTwentyDigitsOfALong() {
    assertThat(ConsumeQueueDescriptor.parseFileName("0000000000000000000")).isEqualTo(-1);
    assertThat(ConsumeQueueDescriptor.parseFileName("000000000000000000000")).isEqualTo(-1);
    assertThat(ConsumeQueueDescriptor.parseFileName("0000000000000000000a")).isEqualTo(-1);
    assertThat(ConsumeQueueDescriptor.parseFileName("-0000000000000000001")).isEqualTo(-1);
    assertThat(ConsumeQueueDescriptor.parseFileName("09223372036854775808")).isEqualTo(-1);
    assertThat(ConsumeQueueDescriptor.parseFileName("99999999999999999999")).isEqualTo(-1);
  }

  @Test
  void shouldSizeFilesFromEntriesPerFile() {
    assertThat(ConsumeQueueDescriptor.fileSize(ConsumeQueueDescriptor.DEFAULT_ENTRIES_PER_FILE))
        .isEqualTo(12_000_000);
    assertThat(ConsumeQueueDescriptor.fileStartOffset(3, 4)).isEqualTo(480);
    assertThatThrownBy(() -> ConsumeQueueDescriptor.fileSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
    assertThatThrownBy(
            () -> ConsumeQueueDescriptor.fileSize(ConsumeQueueDescriptor.MAX_ENTRIES_PER_FILE + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldLayOutFieldsBackToBackInFortyBytes() {
    assertThat(ConsumeQueueDescriptor.SIZE_OFFSET)
        .isEqualTo(ConsumeQueueDescriptor.COMMIT_LOG_OFFSET_OFFSET + Long.BYTES);
    assertThat(ConsumeQueueDescriptor.TAGS_CODE_OFFSET)
        .isEqualTo(ConsumeQueueDescriptor.SIZE_OFFSET + Integer.BYTES);
    assertThat(ConsumeQueueDescriptor.STORE_TIMESTAMP_OFFSET)
        .isEqualTo(ConsumeQueueDescriptor.TAGS_CODE_OFFSET + Long.BYTES);
    assertThat(ConsumeQueueDescriptor.BASE_LOGICAL_OFFSET_OFFSET)
        .isEqualTo(ConsumeQueueDescriptor.STORE_TIMESTAMP_OFFSET + Long.BYTES);
    assertThat(ConsumeQueueDescriptor.RECORDS_OFFSET)
        .isEqualTo(ConsumeQueueDescriptor.BASE_LOGICAL_OFFSET_OFFSET + Long.BYTES);
    assertThat(ConsumeQueueDescriptor.ENTRY_LENGTH)
        .isEqualTo(ConsumeQueueDescriptor.RECORDS_OFFSET + Integer.BYTES);
  }
}
