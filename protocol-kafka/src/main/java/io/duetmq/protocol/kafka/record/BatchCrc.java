package io.duetmq.protocol.kafka.record;

import static io.duetmq.protocol.kafka.record.RecordBatchDescriptor.CRC_COVERAGE_START;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC-32C of the part of a batch the CRC field covers (reference §4.1: byte 21 to the end). Reads
 * the bytes through NIO views of the buffer, so nothing is copied for heap, direct or sliced
 * buffers (a composite buffer contributes one view per component). Stateless and thread-safe.
 */
final class BatchCrc {
  private BatchCrc() {}

  /** CRC of the batch of {@code batchSize} bytes starting at {@code batchStart} in {@code buf}. */
  static int compute(ByteBuf buf, int batchStart, int batchSize) {
    CRC32C crc = new CRC32C();
    int from = batchStart + CRC_COVERAGE_START;
    int length = batchSize - CRC_COVERAGE_START;
    if (buf.nioBufferCount() == 1) {
      crc.update(buf.nioBuffer(from, length));
    } else {
      for (ByteBuffer part : buf.nioBuffers(from, length)) {
        crc.update(part);
      }
    }
    return (int) crc.getValue();
  }
}
