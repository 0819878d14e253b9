package io.duetmq.protocol.kafka.server;

import io.duetmq.protocol.kafka.codec.RequestHeader;
import io.duetmq.protocol.kafka.handler.KafkaResponse;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The per-connection ordering queue: one slot per request in arrival order; responses leave only
 * from the head, so they go out in request order even when handlers finish out of order.
 *
 * <p>Not thread-safe: confined to the connection's event-loop thread. Owns the bodies of completed
 * {@link KafkaResponse.Encoded} responses until they are drained or released.
 */
final class InFlightResponses {

  /** One request waiting for its response. */
  static final class Slot {
    private final RequestHeader header;
    private KafkaResponse response;

    private Slot(RequestHeader header) {
      this.header = header;
    }

    RequestHeader header() {
      return header;
    }

    KafkaResponse response() {
      return response;
    }
  }

  private final ArrayDeque<Slot> slots = new ArrayDeque<>();

  Slot add(RequestHeader header) {
    Slot slot = new Slot(header);
    slots.addLast(slot);
    return slot;
  }

  void complete(Slot slot, KafkaResponse response) {
    if (slot.response != null) {
      throw new IllegalStateException(
          "response for correlation id " + slot.header.correlationId() + " completed twice");
    }
    slot.response = response;
  }

  /** Hands every completed slot at the head to {@code sink}, in order; returns how many. */
  int drainCompleted(Consumer<Slot> sink) {
    int drained = 0;
    while (!slots.isEmpty() && slots.peekFirst().response != null) {
      sink.accept(slots.pollFirst());
      drained++;
    }
    return drained;
  }

  int size() {
    return slots.size();
  }

  /** Drops every slot, releasing pre-encoded bodies (the connection is gone). */
  void releaseAll() {
    for (Slot slot : slots) {
      if (slot.response instanceof KafkaResponse.Encoded encoded) {
        encoded.body().release();
      }
    }
    slots.clear();
  }
}
