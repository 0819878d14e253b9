package io.duetmq.protocol.kafka.record;

/** The compression codec of a record batch: attribute bits 0–2 (reference §4.2, §4.6). */
public enum CompressionCodec {
  NONE(0),
  GZIP(1),
  SNAPPY(2),
  LZ4(3),
  ZSTD(4);

  private static final CompressionCodec[] BY_ID = values();

  private final int id;

  CompressionCodec(int id) {
    this.id = id;
  }

  /** The id in attribute bits 0–2. */
  public int id() {
    return id;
  }

  /** The codec for an id, or null for the unassigned ids 5–7 (and anything out of range). */
  public static CompressionCodec forId(int id) {
    return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
  }
}
