package io.duetmq.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.store.AppendRequest;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class MessageRecordEncoderTest {
  private static final byte[] STORE_V4 = {10, 0, 0, 7};
  private static final MessageRecordFlyweight VIEW = new MessageRecordFlyweight();

  @Test
  void shouldWriteEveryFieldOfAnIpv4RecordReadableByTheFlyweight() {
    AppendRequest request =
        AppendRequest.builder("TopicA", 3, utf8("hello body"))
            .properties("TAGS\u0001TagA\u0002KEYS\u0001k1 k2\u0002")
            .flag(7)
            .sysFlag(CommitLogDescriptor.SYSFLAG_COMPRESSED)
            .bornTimestamp(1_700_000_000_123L)
            .bornHost(new InetSocketAddress("192.168.1.2", 40000))
            .reconsumeTimes(2)
            .preparedTransactionOffset(99)
            .build();
    MessageRecordEncoder encoder = new MessageRecordEncoder(STORE_V4, 10911);
    ByteBuffer buf = ByteBuffer.allocate(1024);
    int length = encoder.length(request);

    encoder.encode(buf, 16, length, request, 5000, 42, 1_700_000_000_999L);

    VIEW.wrap(buf, 16);
    assertThat(VIEW.totalSize()).isEqualTo(length);
    assertThat(VIEW.magic()).isEqualTo(CommitLogDescriptor.MAGIC_V1);
    assertThat(VIEW.queueId()).isEqualTo(3);
    assertThat(VIEW.flag()).isEqualTo(7);
    assertThat(VIEW.queueOffset()).isEqualTo(42);
    assertThat(VIEW.physicalOffset()).isEqualTo(5000);
    assertThat(VIEW.sysFlag()).isEqualTo(CommitLogDescriptor.SYSFLAG_COMPRESSED);
    assertThat(VIEW.bornTimestamp()).isEqualTo(1_700_000_000_123L);
    assertThat(VIEW.bornHost()).isEqualTo(new InetSocketAddress("192.168.1.2", 40000));
    assertThat(VIEW.storeTimestamp()).isEqualTo(1_700_000_000_999L);
    assertThat(VIEW.storeHost()).isEqualTo(new InetSocketAddress("10.0.0.7", 10911));
    assertThat(VIEW.reconsumeTimes()).isEqualTo(2);
    assertThat(VIEW.preparedTransactionOffset()).isEqualTo(99);
    assertThat(StandardCharsets.UTF_8.decode(VIEW.body()).toString()).isEqualTo("hello body");
    assertThat(VIEW.topic()).isEqualTo("TopicA");
    assertThat(VIEW.properties()).isEqualTo("TAGS\u0001TagA\u0002KEYS\u0001k1 k2\u0002");
    assertThat(VIEW.endIndex()).isEqualTo(16 + length);
    assertThat(VIEW.bodyCrc()).isEqualTo(maskedCrc("hello body"));
    assertThat(VIEW.recordCount()).isEqualTo(1);
  }

  @Test
  void shouldUseWideHostsAndMagicV2WhereNeeded() {
    String longTopic = "t".repeat(200);
    AppendRequest request =
        AppendRequest.builder(longTopic, 0, utf8("x"))
            .bornHost(new InetSocketAddress("::1", 1234))
            .build();
    byte[] storeV6 = new byte[16];
    storeV6[15] = 1;
    MessageRecordEncoder encoder = new MessageRecordEncoder(storeV6, 9);
    ByteBuffer buf = ByteBuffer.allocate(1024);
    int length = encoder.length(request);

    encoder.encode(buf, 0, length, request, 0, 0, 1);

    VIEW.wrap(buf, 0);
    assertThat(VIEW.magic()).isEqualTo(CommitLogDescriptor.MAGIC_V2);
    assertThat(VIEW.sysFlag() & CommitLogDescriptor.SYSFLAG_BORNHOST_V6).isNotZero();
    assertThat(VIEW.sysFlag() & CommitLogDescriptor.SYSFLAG_STOREHOST_V6).isNotZero();
    assertThat(VIEW.bornHost().getPort()).isEqualTo(1234);
    assertThat(VIEW.storeHost().getPort()).isEqualTo(9);
    assertThat(VIEW.topic()).isEqualTo(longTopic);
    assertThat(VIEW.endIndex()).isEqualTo(length);
    assertThat(length).isEqualTo(91 + 1 + 200 + 24 + 1);
  }

  @Test
  void shouldPatchBatchBodiesWithTheAssignedOffsetAndCrcTheStoredBytes() {
    ByteBuffer body = ByteBuffer.allocate(16);
    AppendRequest request =
        AppendRequest.builder("kafka-topic", 1, body)
            .batch(5, (stored, base) -> stored.putLong(0, base))
            .build();
    MessageRecordEncoder encoder = new MessageRecordEncoder(STORE_V4, 1);
    ByteBuffer buf = ByteBuffer.allocate(512);

    encoder.encode(buf, 0, encoder.length(request), request, 0, 1234, 1);

    VIEW.wrap(buf, 0);
    assertThat(VIEW.recordCount()).isEqualTo(5);
    assertThat(VIEW.sysFlag() & CommitLogDescriptor.SYSFLAG_MULTI_RECORD_BATCH).isNotZero();
    assertThat(VIEW.body().getLong(0)).isEqualTo(1234);
    assertThat(VIEW.bodyCrc()).isEqualTo(AppendRequest.crc(VIEW.body()));
    assertThat(body.getLong(0)).as("the caller's buffer is not touched").isZero();
  }

  private static ByteBuffer utf8(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static int maskedCrc(String s) {
    CRC32 crc = new CRC32();
    crc.update(s.getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue() & 0x7FFFFFFF;
  }
}
