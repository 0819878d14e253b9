package io.duetmq.store.log;

import static io.duetmq.store.log.CommitLogDescriptor.BODY_CRC_OFFSET;
import static io.duetmq.store.log.CommitLogDescriptor.MAGIC_V1;
import static io.duetmq.store.log.CommitLogDescriptor.MAGIC_V2;
import static io.duetmq.store.log.CommitLogDescriptor.SYSFLAG_STOREHOST_V6;

import io.duetmq.store.AppendRequest;
import io.duetmq.store.BodyPatcher;
import java.nio.ByteBuffer;

/**
 * Writes one {@link AppendRequest} as a commit-log record (layout in {@link CommitLogDescriptor})
 * at an absolute index of a buffer, filling in what only the writer knows: physical offset, queue
 * offset and store timestamp. Runs on the writer thread; holds the store host bytes and no other
 * state.
 */
public final class MessageRecordEncoder {
  private final byte[] storeAddress;
  private final int storePort;

  public MessageRecordEncoder(byte[] storeAddress, int storePort) {
    this.storeAddress = storeAddress.clone();
    this.storePort = storePort;
  }

  public boolean storeHostV6() {
    return storeAddress.length == 16;
  }

  /** Record length of {@code request} with this encoder's store host. */
  public int length(AppendRequest request) {
    return request.recordLength(storeHostV6());
  }

  /**
   * Encodes the record; {@code length} must be {@link #length(AppendRequest)}.
   *
   * @return the record's body CRC as stored
   */
  public int encode(
      ByteBuffer buf,
      int index,
      int length,
      AppendRequest request,
      long physicalOffset,
      long queueOffset,
      long storeTimestamp) {
    int sysFlag = request.sysFlag() | (storeHostV6() ? SYSFLAG_STOREHOST_V6 : 0);
    int at = index;
    buf.putInt(at, length);
    buf.putInt(at + 4, request.usesMagicV2() ? MAGIC_V2 : MAGIC_V1);
    buf.putInt(at + 8, request.bodyCrc());
    buf.putInt(at + 12, request.queueId());
    buf.putInt(at + 16, request.flag());
    buf.putLong(at + 20, queueOffset);
    buf.putLong(at + 28, physicalOffset);
    buf.putInt(at + 36, sysFlag);
    buf.putLong(at + 40, request.bornTimestamp());
    at = putHost(buf, at + 48, request.bornAddress(), request.bornPort());
    buf.putLong(at, storeTimestamp);
    at = putHost(buf, at + 8, storeAddress, storePort);
    buf.putInt(at, request.reconsumeTimes());
    buf.putLong(at + 4, request.preparedTransactionOffset());
    ByteBuffer body = request.body();
    int bodyLength = body.remaining();
    buf.putInt(at + 12, bodyLength);
    int bodyIndex = at + 16;
    buf.put(bodyIndex, body, body.position(), bodyLength);
    at = bodyIndex + bodyLength;
    byte[] topic = request.topicBytes();
    if (request.usesMagicV2()) {
      buf.putShort(at, (short) topic.length);
      at += 2;
    } else {
      buf.put(at, (byte) topic.length);
      at += 1;
    }
    buf.put(at, topic);
    at += topic.length;
    byte[] properties = request.properties();
    buf.putShort(at, (short) properties.length);
    buf.put(at + 2, properties);
    return patch(buf, index, bodyIndex, bodyLength, request, queueOffset);
  }

  private static int patch(
      ByteBuffer buf,
      int index,
      int bodyIndex,
      int bodyLength,
      AppendRequest request,
      long queueOffset) {
    BodyPatcher patcher = request.patcher();
    if (patcher == null) {
      return request.bodyCrc();
    }
    ByteBuffer stored = buf.slice(bodyIndex, bodyLength);
    patcher.patch(stored, queueOffset);
    int crc = AppendRequest.crc(buf.slice(bodyIndex, bodyLength));
    buf.putInt(index + BODY_CRC_OFFSET, crc);
    return crc;
  }

  private static int putHost(ByteBuffer buf, int at, byte[] address, int port) {
    buf.put(at, address);
    buf.putInt(at + address.length, port);
    return at + address.length + 4;
  }
}
