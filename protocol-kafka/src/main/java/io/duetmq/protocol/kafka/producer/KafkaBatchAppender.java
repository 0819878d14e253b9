package io.duetmq.protocol.kafka.producer;

import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.fetch.VisibilityWaiters;
import io.duetmq.protocol.kafka.record.RecordBatchFlyweight;
import io.duetmq.protocol.kafka.record.RecordBatchPatcher;
import io.duetmq.protocol.kafka.record.ValidatedBatch;
import io.duetmq.protocol.kafka.topic.CatalogMetadataSource;
import io.duetmq.protocol.kafka.topic.TopicInfo;
import io.duetmq.protocol.kafka.topic.TopicPartition;
import io.duetmq.store.AppendRequest;
import io.duetmq.store.AppendResult;
import io.duetmq.store.AppendStatus;
import io.duetmq.store.MessageAppender;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends one validated Kafka batch to its partition as one store record: applies the topic's
 * timestamp rules, runs the idempotence checks and submits the append under the partition's
 * producer-state lock, and turns the store's result into an {@link AppendOutcome}.
 *
 * <p>Buffer ownership: {@link #append} retains the batch buffer for as long as the store may read
 * it and releases that reference when the append completes; the caller keeps its own reference. For
 * LogAppendTime topics the batch bytes are stamped in place first.
 *
 * <p>Thread-safe; never blocks beyond the short partition lock.
 */
public final class KafkaBatchAppender {
  private static final RecordBatchPatcher PATCHER =
      new RecordBatchPatcher(CatalogMetadataSource.LEADER_EPOCH);

  private final MessageAppender appender;
  private final ProducerStateTable producers;
  private final VisibilityWaiters visibility;
  private final Clock clock;

  /**
   * @param visibility an outcome is reported only once the batch is readable (high watermark)
   */
  public KafkaBatchAppender(
      MessageAppender appender,
      ProducerStateTable producers,
      VisibilityWaiters visibility,
      Clock clock) {
    this.appender = appender;
    this.producers = producers;
    this.visibility = visibility;
    this.clock = clock;
  }

  /**
   * Appends {@code batch}, which lies in {@code records} at {@code records.readerIndex() +
   * batch.position()}.
   *
   * @param waitForFlush acks=all: let a SYNC_FLUSH store answer only after the fsync
   */
  public CompletableFuture<AppendOutcome> append(
      TopicInfo topic, int partition, ByteBuf records, ValidatedBatch batch, boolean waitForFlush) {
    long now = clock.millis();
    if (batch.transactional()) {
      return CompletableFuture.completedFuture(
          AppendOutcome.failed(ErrorCode.INVALID_TXN_STATE, "transactions are not supported yet"));
    }
    String timestampError = checkTimestamps(topic, batch, now);
    if (timestampError != null) {
      return CompletableFuture.completedFuture(
          AppendOutcome.failed(ErrorCode.INVALID_TIMESTAMP, timestampError));
    }
    int index = records.readerIndex() + batch.position();
    long logAppendTime = -1;
    if (topic.logAppendTime()) {
      new RecordBatchFlyweight().wrap(records, index).setLogAppendTime(now);
      logAppendTime = now;
    }
    ByteBuffer body = records.nioBuffer(index, batch.sizeInBytes());
    AppendRequest request =
        AppendRequest.builder(topic.name(), partition, body)
            .batch(batch.lastOffsetDelta() + 1, PATCHER::patch)
            .bornTimestamp(batch.maxTimestamp() >= 0 ? batch.maxTimestamp() : now)
            .waitForFlush(waitForFlush)
            .build();
    TopicPartition tp = new TopicPartition(topic.name(), partition);
    if (!batch.hasProducerId()) {
      return submit(tp, records, request, logAppendTime);
    }
    return appendIdempotent(tp, records, request, batch, logAppendTime, now);
  }

  private CompletableFuture<AppendOutcome> appendIdempotent(
      TopicPartition tp,
      ByteBuf records,
      AppendRequest request,
      ValidatedBatch batch,
      long logAppendTime,
      long now) {
    PartitionProducerState state = producers.partition(tp);
    ReentrantLock lock = state.lock();
    CompletableFuture<AppendOutcome> outcome;
    ProducerBatch remembered;
    lock.lock();
    try {
      SequenceVerdict verdict =
          state.check(
              batch.producerId(),
              batch.producerEpoch(),
              batch.baseSequence(),
              batch.lastSequence(),
              now);
      switch (verdict.status()) {
        case DUPLICATE -> {
          return verdict.original().outcome();
        }
        case ACCEPT -> {}
        default -> {
          return CompletableFuture.completedFuture(
              AppendOutcome.failed(verdict.status().errorCode(), verdict.detail()));
        }
      }
      // submitted under the lock: the store assigns offsets in submission order
      outcome = submit(tp, records, request, logAppendTime);
      remembered =
          state.record(
              batch.producerId(),
              batch.producerEpoch(),
              batch.baseSequence(),
              batch.lastSequence(),
              outcome,
              now);
    } finally {
      lock.unlock();
    }
    outcome.thenAccept(
        result -> {
          if (!result.isStored()) {
            lock.lock();
            try {
              state.forget(batch.producerId(), remembered);
            } finally {
              lock.unlock();
            }
          }
        });
    return outcome;
  }

  private CompletableFuture<AppendOutcome> submit(
      TopicPartition tp, ByteBuf records, AppendRequest request, long logAppendTime) {
    records.retain();
    CompletableFuture<AppendResult> appended;
    try {
      appended = appender.append(request);
    } catch (RuntimeException e) {
      records.release();
      throw e;
    }
    return appended
        .handle(
            (result, error) -> {
              records.release();
              if (error != null) {
                return AppendOutcome.failed(ErrorCode.KAFKA_STORAGE_ERROR, error.toString());
              }
              return outcome(result, logAppendTime);
            })
        .thenCompose(
            outcome ->
                outcome.isStored()
                    ? visibility
                        .await(tp, outcome.baseOffset() + request.recordCount())
                        .thenApply(visible -> outcome)
                    : CompletableFuture.completedFuture(outcome));
  }

  /** The one table from store append status to Produce partition error. */
  static AppendOutcome outcome(AppendResult result, long logAppendTime) {
    AppendStatus status = result.status();
    return switch (status) {
      case PUT_OK, FLUSH_DISK_TIMEOUT -> AppendOutcome.stored(result.queueOffset(), logAppendTime);
      case MESSAGE_ILLEGAL ->
          AppendOutcome.failed(
              ErrorCode.MESSAGE_TOO_LARGE, "the batch is larger than the store accepts");
      case PROPERTIES_SIZE_EXCEEDED -> AppendOutcome.failed(ErrorCode.INVALID_RECORD, null);
      case SERVICE_NOT_AVAILABLE ->
          AppendOutcome.failed(ErrorCode.KAFKA_STORAGE_ERROR, "the store does not accept writes");
    };
  }

  private static String checkTimestamps(TopicInfo topic, ValidatedBatch batch, long now) {
    if (topic.logAppendTime() || batch.maxTimestamp() < 0) {
      return null;
    }
    long afterMax = topic.timestampAfterMaxMs();
    if (batch.maxTimestamp() - now > afterMax) {
      return "Timestamp "
          + batch.maxTimestamp()
          + " of batch is out of range: more than "
          + afterMax
          + " ms after the broker time "
          + now;
    }
    long beforeMax = topic.timestampBeforeMaxMs();
    if (batch.baseTimestamp() >= 0 && now - batch.baseTimestamp() > beforeMax) {
      return "Timestamp "
          + batch.baseTimestamp()
          + " of batch is out of range: more than "
          + beforeMax
          + " ms before the broker time "
          + now;
    }
    return null;
  }
}
