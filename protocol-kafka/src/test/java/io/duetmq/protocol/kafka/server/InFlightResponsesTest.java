package io.duetmq.protocol.kafka.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duetmq.protocol.kafka.codec.RequestHeader;
import io.duetmq.protocol.kafka.handler.KafkaResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightResponsesTest {

  private static RequestHeader header(int correlationId) {
    return new RequestHeader((short) 3, (short) 1, correlationId, null, (short) 1);
  }

  @Test
  void shouldReleaseOnlyFromTheHeadInArrivalOrder() {
    InFlightResponses queue = new InFlightResponses();
    var first = queue.add(header(1));
    var second = queue.add(header(2));
    var third = queue.add(header(3));
    List<Integer> drained = new ArrayList<>();

    queue.complete(third, KafkaResponse.none());
    queue.complete(second, KafkaResponse.none());
    assertThat(queue.drainCompleted(s -> drained.add(s.header().correlationId()))).isZero();

    queue.complete(first, KafkaResponse.none());
    assertThat(queue.drainCompleted(s -> drained.add(s.header().correlationId()))).isEqualTo(3);
    assertThat(drained).containsExactly(1, 2, 3);
    assertThat(queue.size()).isZero();
  }

  @Test
  void shouldRefuseASecondCompletionOfTheSameSlot() {
    InFlightResponses queue = new InFlightResponses();
    var slot = queue.add(header(9));
    queue.complete(slot, KafkaResponse.none());
    assertThatThrownBy(() -> queue.complete(slot, KafkaResponse.none()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("correlation id 9");
  }

  @Test
  void shouldReleaseEncodedBodiesWhenTheConnectionGoes() {
    InFlightResponses queue = new InFlightResponses();
    queue.add(header(1));
    var waiting = queue.add(header(2));
    ByteBuf body = Unpooled.buffer(4).writeInt(7);
    queue.complete(waiting, KafkaResponse.encoded(body));
    queue.releaseAll();
    assertThat(body.refCnt()).isZero();
    assertThat(queue.size()).isZero();
  }
}
