package io.duetmq.protocol.kafka.record;

import java.util.List;

/**
 * What {@link RecordBatchValidator} concluded about a payload. On {@code OK}, {@code batches} lists
 * every batch in payload order; otherwise it is empty and {@code failedBatchIndex} / {@code detail}
 * say which batch failed and why (the detail goes into Produce's {@code ErrorMessage} or a log).
 *
 * @param status the outcome
 * @param batches the validated batches (empty unless OK)
 * @param failedBatchIndex index of the offending batch, -1 when OK
 * @param detail a human-readable reason carrying the offending values; null when OK
 */
public record BatchValidationResult(
    BatchValidationStatus status,
    List<ValidatedBatch> batches,
    int failedBatchIndex,
    String detail) {

  public BatchValidationResult {
    batches = List.copyOf(batches);
  }

  static BatchValidationResult ok(List<ValidatedBatch> batches) {
    return new BatchValidationResult(BatchValidationStatus.OK, batches, -1, null);
  }

  static BatchValidationResult failure(
      BatchValidationStatus status, int batchIndex, String detail) {
    return new BatchValidationResult(status, List.of(), batchIndex, detail);
  }

  public boolean isOk() {
    return status == BatchValidationStatus.OK;
  }

  /** Sum of the record counts of all batches (0 unless OK). */
  public int totalRecords() {
    int total = 0;
    for (ValidatedBatch batch : batches) {
      total += batch.recordsCount();
    }
    return total;
  }
}
