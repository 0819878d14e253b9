package io.duetmq.compat.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.compat.harness.BrokerFixture;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad bytes at the Kafka port, written on raw sockets: each must end in a closed connection or a
 * protocol error, store nothing, and leave a normal kafka-clients 4.1 producer (connected the whole
 * time) working. Well-formed requests are built with kafka-clients' own request classes (the 4.1.1
 * on the test class path) and then damaged.
 */
class KafkaBadInputTest {
  private static final String TARGET = "bad-input";
  private static final String GOOD = "bad-input-good";
  private static final int SOCKET_TIMEOUT_MS = 10_000;

  @TempDir Path dataDir;
  private BrokerFixture broker;
  private Admin admin;
  private KafkaProducer<String, String> producer;
  private int goodRecords;

  @BeforeEach
  void start() throws Exception {
    broker = BrokerFixture.start(dataDir);
    admin = Admin.create(Map.of("bootstrap.servers", bootstrap()));
    admin
        .createTopics(List.of(new NewTopic(TARGET, 1, (short) 1), new NewTopic(GOOD, 1, (short) 1)))
        .all()
        .get();
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap());
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", StringSerializer.class.getName());
    producer = new KafkaProducer<>(props);
    produceGoodRecord();
  }

  @AfterEach
  void stop() {
    producer.close();
    admin.close();
    broker.close();
  }

  @Test
  void shouldCloseOnAFrameTooShortForARequestHeader() throws Exception {
    assertClosed(frame(new byte[] {0, 3, 0}));
    assertNothingStoredAndProducerWorks();
  }

  @Test
  void shouldCloseOnANegativeSizePrefix() throws Exception {
    assertClosed(ByteBuffer.allocate(4).putInt(-5).array());
    assertNothingStoredAndProducerWorks();
  }

  @Test
  void shouldCloseOnATwoGigabyteSizePrefix() throws Exception {
    byte[] prefix =
        ByteBuffer.allocate(12).putInt(Integer.MAX_VALUE).putLong(0x0000_0001_0000_0001L).array();
    assertClosed(prefix);
    assertNothingStoredAndProducerWorks();
  }

  @Test
  void shouldCloseOnAnUnknownApiKey() throws Exception {
    assertClosed(frame(header((short) 9_999, (short) 0, 1)));
    assertNothingStoredAndProducerWorks();
  }

  @Test
  void shouldCloseOnAnUnsupportedProduceVersion() throws Exception {
    byte[] request = produceRequest(validBatch(), 2);
    ByteBuffer.wrap(request).putShort(2, (short) 99);
    assertClosed(frame(request));
    assertNothingStoredAndProducerWorks();
  }

  @Test
  void shouldCloseOnATruncatedRequest() throws Exception {
    byte[] request = produceRequest(validBatch(), 3);
    byte[] wire = frame(request);
    try (Socket socket = connect()) {
      socket.getOutputStream().write(wire, 0, wire.length / 2);
      socket.getOutputStream().flush();
      socket.shutdownOutput(); // the rest will never come
      assertThat(readOutcome(socket)).isEqualTo("closed");
    }
    assertNothingStoredAndProducerWorks();
  }

  @Test
  void shouldAnswerCorruptMessageForABatchWithABadCrc() throws Exception {
    byte[] batch = validBatch();
    batch[batch.length - 1] ^= 0x5A; // inside the last record's value: covered by the CRC
    int correlationId = 4;
    try (Socket socket = connect()) {
      socket.getOutputStream().write(frame(produceRequest(batch, correlationId)));
      socket.getOutputStream().flush();
      byte[] response = readFrame(socket);
      ProduceResponse parsed =
          (ProduceResponse)
              AbstractResponse.parseResponse(
                  ByteBuffer.wrap(response), produceHeader(correlationId));
      short error =
          parsed.data().responses().iterator().next().partitionResponses().get(0).errorCode();
      assertThat(Errors.forCode(error)).isEqualTo(Errors.CORRUPT_MESSAGE);
    }
    assertNothingStoredAndProducerWorks();
  }

  private void assertNothingStoredAndProducerWorks() throws Exception {
    produceGoodRecord();
    TopicPartition target = new TopicPartition(TARGET, 0);
    TopicPartition good = new TopicPartition(GOOD, 0);
    var ends =
        admin
            .listOffsets(Map.of(target, OffsetSpec.latest(), good, OffsetSpec.latest()))
            .all()
            .get();
    assertThat(ends.get(target).offset()).as("end offset of %s", TARGET).isZero();
    assertThat(ends.get(good).offset()).as("end offset of %s", GOOD).isEqualTo(goodRecords);
  }

  private void produceGoodRecord() throws Exception {
    producer.send(new ProducerRecord<>(GOOD, 0, null, "good-" + goodRecords)).get();
    goodRecords++;
  }

  /** One record batch (magic 2, uncompressed) as kafka-clients writes it. */
  private static byte[] validBatch() {
    MemoryRecords records =
        MemoryRecords.withRecords(
            Compression.NONE,
            new SimpleRecord(
                "key".getBytes(StandardCharsets.UTF_8),
                "must never be stored".getBytes(StandardCharsets.UTF_8)));
    ByteBuffer buffer = records.buffer().duplicate();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static final short PRODUCE_VERSION = 12;

  private static RequestHeader produceHeader(int correlationId) {
    return new RequestHeader(ApiKeys.PRODUCE, PRODUCE_VERSION, "bad-input", correlationId);
  }

  /** A Produce v12 request (header + body, no size prefix) of {@code batch} to partition 0. */
  private static byte[] produceRequest(byte[] batch, int correlationId) {
    ProduceRequestData.TopicProduceData topic =
        new ProduceRequestData.TopicProduceData()
            .setName(TARGET)
            .setPartitionData(
                List.of(
                    new ProduceRequestData.PartitionProduceData()
                        .setIndex(0)
                        .setRecords(MemoryRecords.readableRecords(ByteBuffer.wrap(batch)))));
    ProduceRequestData data =
        new ProduceRequestData()
            .setAcks((short) -1)
            .setTimeoutMs(5_000)
            .setTopicData(
                new ProduceRequestData.TopicProduceDataCollection(List.of(topic).iterator()));
    ProduceRequest request = ProduceRequest.builder(data).build(PRODUCE_VERSION);
    ByteBuffer serialized = request.serializeWithHeader(produceHeader(correlationId));
    byte[] bytes = new byte[serialized.remaining()];
    serialized.get(bytes);
    return bytes;
  }

  /** A v1 request header: api key, version, correlation id, client id "bad-input". */
  private static byte[] header(short apiKey, short version, int correlationId) {
    byte[] clientId = "bad-input".getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(10 + clientId.length)
        .putShort(apiKey)
        .putShort(version)
        .putInt(correlationId)
        .putShort((short) clientId.length)
        .put(clientId)
        .array();
  }

  private static byte[] frame(byte[] body) {
    return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
  }

  private Socket connect() throws IOException {
    String[] hostPort = bootstrap().split(":");
    Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
    socket.setSoTimeout(SOCKET_TIMEOUT_MS);
    return socket;
  }

  /** Sends {@code bytes} on a fresh connection and expects the broker to close it, unanswered. */
  private void assertClosed(byte[] bytes) throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      assertThat(readOutcome(socket)).isEqualTo("closed");
    }
  }

  /** "closed" on EOF or reset; "answered N bytes" if a frame came back; fails on silence. */
  private static String readOutcome(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    try {
      int first = in.read();
      return first < 0 ? "closed" : "answered, first byte " + first;
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "the broker neither answered nor closed within " + SOCKET_TIMEOUT_MS + " ms", e);
    } catch (SocketException e) {
      return "closed"; // reset by the broker
    }
  }

  private static byte[] readFrame(Socket socket) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    try {
      byte[] frame = new byte[in.readInt()];
      in.readFully(frame);
      return frame;
    } catch (EOFException e) {
      throw new AssertionError("the broker closed instead of answering", e);
    }
  }

  private String bootstrap() {
    return broker.kafkaBootstrap().orElseThrow();
  }
}
