package io.duetmq.protocol.kafka.head;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.requests.InitProducerIdRequest;
import org.apache.kafka.common.requests.InitProducerIdResponse;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Idempotence rules, validation errors and restart survival, driven with raw Produce requests. */
class KafkaHeadIdempotenceTest {
  private static final String TOPIC = "idem";
  private static final short VERSION = 11;

  @TempDir Path dir;

  @Test
  void shouldStoreADuplicateBatchOnceAndAnswerItWithTheOriginalOffset() {
    try (HeadFixture fixture = new HeadFixture(dir);
        RawKafkaClient client = new RawKafkaClient(fixture.head.port())) {
      fixture.catalog.create(TOPIC, 2, Map.of());
      assertThat(produce(client, 0, batch(1000, 0, 0, 5))).isEqualTo(ok(0));
      assertThat(produce(client, 0, batch(1000, 0, 0, 5))).isEqualTo(ok(0));
      assertThat(produce(client, 0, batch(1000, 0, 5, 5))).isEqualTo(ok(5));
      assertThat(produce(client, 0, batch(1000, 0, 0, 5))).isEqualTo(ok(0));
      assertThat(produce(client, 0, batch(1000, 0, 5, 5))).isEqualTo(ok(5));
      assertThat(fixture.store.maxOffset(TOPIC, 0)).isEqualTo(10);
    }
  }

  @Test
  void shouldRefuseSequenceGapsAndFencedEpochs() {
    try (HeadFixture fixture = new HeadFixture(dir);
        RawKafkaClient client = new RawKafkaClient(fixture.head.port())) {
      fixture.catalog.create(TOPIC, 1, Map.of());
      assertThat(produce(client, 0, batch(7, 0, 0, 3))).isEqualTo(ok(0));
      assertThat(produce(client, 0, batch(7, 0, 10, 3)).error)
          .isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
      assertThat(produce(client, 0, batch(7, 1, 4, 3)).error)
          .as("a bumped epoch must restart at sequence 0")
          .isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
      assertThat(produce(client, 0, batch(7, 1, 0, 3))).isEqualTo(ok(3));
      assertThat(produce(client, 0, batch(7, 0, 3, 3)).error)
          .isEqualTo(Errors.INVALID_PRODUCER_EPOCH);
      assertThat(produce(client, 0, batch(7, 1, 3, 3))).isEqualTo(ok(6));
      assertThat(fixture.store.maxOffset(TOPIC, 0)).isEqualTo(9);
    }
  }

  @Test
  void shouldFailOnlyTheCorruptPartitionAndRefuseOversizedBatches() {
    try (HeadFixture fixture = new HeadFixture(dir);
        RawKafkaClient client = new RawKafkaClient(fixture.head.port())) {
      fixture.catalog.create(TOPIC, 2, Map.of());
      fixture.catalog.create("small", 1, Map.of("max.message.bytes", "1000"));
      MemoryRecords corrupt = batch(-1, -1, -1, 4);
      ByteBuffer bytes = corrupt.buffer();
      bytes.put(bytes.limit() - 3, (byte) (bytes.get(bytes.limit() - 3) ^ 0x5a));
      ProduceRequestData data = request(-1);
      data.topicData()
          .add(
              new ProduceRequestData.TopicProduceData()
                  .setName(TOPIC)
                  .setPartitionData(
                      List.of(
                          new ProduceRequestData.PartitionProduceData()
                              .setIndex(0)
                              .setRecords(corrupt),
                          new ProduceRequestData.PartitionProduceData()
                              .setIndex(1)
                              .setRecords(batch(-1, -1, -1, 4)))));
      ProduceResponse response = client.send(new ProduceRequest(data, VERSION));
      var partitions = response.data().responses().find(TOPIC, Uuid.ZERO_UUID).partitionResponses();
      assertThat(Errors.forCode(partitions.get(0).errorCode())).isEqualTo(Errors.CORRUPT_MESSAGE);
      assertThat(Errors.forCode(partitions.get(1).errorCode())).isEqualTo(Errors.NONE);
      assertThat(fixture.store.maxOffset(TOPIC, 0)).isZero();
      assertThat(fixture.store.maxOffset(TOPIC, 1)).isEqualTo(4);

      Result tooLarge = produce(client, "small", 0, bigBatch(2_000));
      assertThat(tooLarge.error).isEqualTo(Errors.MESSAGE_TOO_LARGE);
      assertThat(produce(client, "small", 0, bigBatch(500))).isEqualTo(ok(0));
      assertThat(produce(client, "missing", 0, batch(-1, -1, -1, 1)).error)
          .isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION);
    }
  }

  @Test
  void shouldDetectDuplicatesAndNeverReuseProducerIdsAfterARestart() {
    HeadFixture fixture = new HeadFixture(dir);
    try {
      long firstId;
      try (RawKafkaClient client = new RawKafkaClient(fixture.head.port())) {
        fixture.catalog.create(TOPIC, 1, Map.of());
        firstId = initProducerId(client);
        assertThat(produce(client, 0, batch(-1, -1, -1, 2))).isEqualTo(ok(0));
        assertThat(produce(client, 0, batch(firstId, 0, 0, 4))).isEqualTo(ok(2));
        assertThat(produce(client, 0, batch(firstId, 0, 4, 4))).isEqualTo(ok(6));
      }
      fixture = fixture.reopen();
      try (RawKafkaClient client = new RawKafkaClient(fixture.head.port())) {
        assertThat(produce(client, 0, batch(firstId, 0, 0, 4))).isEqualTo(ok(2));
        assertThat(produce(client, 0, batch(firstId, 0, 4, 4))).isEqualTo(ok(6));
        assertThat(fixture.store.maxOffset(TOPIC, 0)).isEqualTo(10);
        assertThat(produce(client, 0, batch(firstId, 0, 20, 1)).error)
            .isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
        assertThat(produce(client, 0, batch(firstId, 0, 8, 1))).isEqualTo(ok(10));
        assertThat(initProducerId(client)).isGreaterThan(firstId);
      }
    } finally {
      fixture.close();
    }
  }

  record Result(Errors error, long baseOffset) {}

  private static Result ok(long offset) {
    return new Result(Errors.NONE, offset);
  }

  private static long initProducerId(RawKafkaClient client) {
    InitProducerIdResponse response =
        client.send(
            new InitProducerIdRequest.Builder(
                    new InitProducerIdRequestData()
                        .setTransactionalId(null)
                        .setTransactionTimeoutMs(60_000)
                        .setProducerId(-1)
                        .setProducerEpoch((short) -1))
                .build((short) 4));
    assertThat(response.error()).isEqualTo(Errors.NONE);
    assertThat(response.data().producerEpoch()).isZero();
    return response.data().producerId();
  }

  private static Result produce(RawKafkaClient client, int partition, MemoryRecords records) {
    return produce(client, TOPIC, partition, records);
  }

  private static Result produce(
      RawKafkaClient client, String topic, int partition, MemoryRecords records) {
    ProduceRequestData data = request(-1);
    data.topicData()
        .add(
            new ProduceRequestData.TopicProduceData()
                .setName(topic)
                .setPartitionData(
                    List.of(
                        new ProduceRequestData.PartitionProduceData()
                            .setIndex(partition)
                            .setRecords(records))));
    ProduceResponse response = client.send(new ProduceRequest(data, VERSION));
    ProduceResponseData.PartitionProduceResponse p =
        response.data().responses().find(topic, Uuid.ZERO_UUID).partitionResponses().get(0);
    return new Result(Errors.forCode(p.errorCode()), p.baseOffset());
  }

  private static ProduceRequestData request(int acks) {
    return new ProduceRequestData()
        .setAcks((short) acks)
        .setTimeoutMs(10_000)
        .setTopicData(new ProduceRequestData.TopicProduceDataCollection());
  }

  static MemoryRecords batch(long producerId, int epoch, int baseSequence, int count) {
    MemoryRecordsBuilder builder =
        MemoryRecords.builder(
            ByteBuffer.allocate(1024),
            RecordBatch.MAGIC_VALUE_V2,
            Compression.NONE,
            TimestampType.CREATE_TIME,
            0L,
            System.currentTimeMillis(),
            producerId,
            (short) epoch,
            baseSequence,
            false,
            RecordBatch.NO_PARTITION_LEADER_EPOCH);
    for (int i = 0; i < count; i++) {
      builder.append(
          new SimpleRecord(
              System.currentTimeMillis(),
              ("k" + i).getBytes(StandardCharsets.UTF_8),
              ("seq-" + (baseSequence + i)).getBytes(StandardCharsets.UTF_8)));
    }
    return builder.build();
  }

  private static MemoryRecords bigBatch(int valueBytes) {
    return MemoryRecords.withRecords(
        Compression.NONE, new SimpleRecord(System.currentTimeMillis(), null, new byte[valueBytes]));
  }
}
