package io.duetmq.protocol.kafka.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.RequestHeader;
import io.duetmq.protocol.kafka.handler.KafkaHandlerRegistry;
import io.duetmq.protocol.kafka.handler.KafkaRequest;
import io.duetmq.protocol.kafka.handler.KafkaRequestHandler;
import io.duetmq.protocol.kafka.handler.KafkaResponse;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KafkaServerResponseOrderingTest {
  private static final int REQUESTS = 12;

  /** Parks every request's future so the test decides when, and in which order, they finish. */
  private static final class ParkingHandler implements KafkaRequestHandler {
    final Map<Integer, CompletableFuture<KafkaResponse>> byCorrelationId =
        new ConcurrentHashMap<>();
    final CountDownLatch arrived = new CountDownLatch(REQUESTS);

    @Override
    public ApiVersionRange versions() {
      return ApiKeys.METADATA.implemented();
    }

    @Override
    public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
      CompletableFuture<KafkaResponse> future = new CompletableFuture<>();
      byCorrelationId.put(request.header().correlationId(), future);
      arrived.countDown();
      return future;
    }
  }

  @Test
  void shouldWriteResponsesInRequestOrderWhenFuturesCompleteInReverse() throws Exception {
    ParkingHandler handler = new ParkingHandler();
    var registry = new KafkaHandlerRegistry(List.of(handler));
    try (KafkaServer server = new KafkaServer(KafkaServerConfig.loopbackEphemeral(), registry);
        RawKafkaConnection connection = startAndConnect(server)) {
      for (int id = 0; id < REQUESTS; id++) {
        // Metadata v1, null topic array; the parking handler never reads the body
        connection.send(
            RawKafkaConnection.frame(
                new RequestHeader((short) 3, (short) 1, id, "ordering", (short) 1),
                w -> w.writeInt32(-1)));
      }
      assertThat(handler.arrived.await(10, TimeUnit.SECONDS)).isTrue();

      List<Integer> expected = new ArrayList<>();
      for (int id = 0; id < REQUESTS; id++) {
        if (id % 3 != 1) {
          expected.add(id);
        }
      }
      for (int id = REQUESTS - 1; id >= 0; id--) {
        handler.byCorrelationId.get(id).complete(responseFor(id));
      }

      List<Integer> seen = new ArrayList<>();
      for (int i = 0; i < expected.size(); i++) {
        ByteBuffer frame = connection.readFrame();
        int correlationId = frame.getInt();
        assertThat(frame.getInt()).as("body marker").isEqualTo(correlationId * 100);
        seen.add(correlationId);
      }
      assertThat(seen).containsExactlyElementsOf(expected);
    }
  }

  /** Every third request needs no response; others are encoded lazily or handed over encoded. */
  private static KafkaResponse responseFor(int id) {
    if (id % 3 == 1) {
      return KafkaResponse.none();
    }
    if (id % 3 == 2) {
      return KafkaResponse.encoded(Unpooled.buffer(4).writeInt(id * 100));
    }
    return KafkaResponse.message((w, v) -> w.writeInt32(id * 100));
  }

  private static RawKafkaConnection startAndConnect(KafkaServer server) {
    server.start();
    return new RawKafkaConnection(server.port());
  }
}
