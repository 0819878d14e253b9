package io.duetmq.protocol.kafka.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a response body in which records buffers are spliced in rather than copied: fixed fields
 * go into one buffer, {@link #records} writes a length prefix there and remembers where the records
 * go, and {@link #assemble} builds a composite of slices of the fixed buffer and the records.
 *
 * <p>Not thread-safe; one per encoding. Takes ownership of the fixed buffer and of every records
 * buffer given to {@link #records}; both pass into the assembled composite.
 */
final class RecordsSplicer {
  private final ByteBuf fixed;
  private final List<Integer> spliceAt = new ArrayList<>();
  private final List<List<ByteBuf>> spliced = new ArrayList<>();
  private int componentCount = 1;

  RecordsSplicer(ByteBuf fixed) {
    this.fixed = fixed;
  }

  /**
   * Writes the (nullable) records length prefix of {@code size} bytes and schedules {@code records}
   * to follow it.
   */
  void records(KafkaWriter w, List<ByteBuf> records, long size, boolean flexible) {
    if (records == null) {
      if (flexible) {
        w.writeUnsignedVarint(0);
      } else {
        w.writeInt32(-1);
      }
      return;
    }
    if (size > Integer.MAX_VALUE - 1) {
      throw new KafkaCodecException("records of " + size + " bytes do not fit one response");
    }
    if (flexible) {
      w.writeUnsignedVarint((int) size + 1);
    } else {
      w.writeInt32((int) size);
    }
    if (!records.isEmpty()) {
      spliceAt.add(fixed.writerIndex());
      spliced.add(records);
      componentCount += records.size() + 1;
    }
  }

  /** The body: slices of the fixed buffer interleaved with the records, nothing copied. */
  ByteBuf assemble(ByteBufAllocator alloc) {
    if (spliced.isEmpty()) {
      return fixed;
    }
    CompositeByteBuf out = alloc.compositeBuffer(componentCount);
    int from = 0;
    for (int i = 0; i < spliceAt.size(); i++) {
      int at = spliceAt.get(i);
      if (at > from) {
        out.addComponent(true, fixed.retainedSlice(from, at - from));
      }
      for (ByteBuf records : spliced.get(i)) {
        if (records.isReadable()) {
          out.addComponent(true, records);
        } else {
          records.release();
        }
      }
      from = at;
    }
    if (fixed.writerIndex() > from) {
      out.addComponent(true, fixed.retainedSlice(from, fixed.writerIndex() - from));
    }
    fixed.release();
    return out;
  }
}
