package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.json.JsonWriter;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.MessageStore;
import io.duetmq.store.StoredRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * GET_BROKER_RUNTIME_INFO (28), mqadmin {@code clusterList} and {@code brokerStatus} (reference
 * §4): a KVTable {@code {"table":{...}}} of string values. The store's offsets, the earliest
 * message time, the disk ratio and the uptime are real; rates, totals and thread-pool figures are
 * reported as zero because DuetMQ does not measure them yet (the tools parse them as numbers, so
 * they must be present and numeric).
 *
 * <p>Thread-safety: stateless apart from the store, which is thread-safe.
 */
public final class GetBrokerRuntimeInfoHandler implements RequestHandler {
  /**
   * The RocketMQ version DuetMQ answers as (its protocol version is {@link
   * RemotingCommand#OUR_VERSION}).
   */
  static final String VERSION_DESC = "V5_3_3";

  private static final String ZERO_TPS = "0.0 0.0 0.0";

  private final MessageStore store;
  private final Clock clock;
  private final long bootTimestamp;

  public GetBrokerRuntimeInfoHandler(MessageStore store, Clock clock, long bootTimestamp) {
    this.store = store;
    this.clock = clock;
    this.bootTimestamp = bootTimestamp;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    Map<String, String> table = new TreeMap<>();
    long now = clock.millis();
    table.put("brokerVersionDesc", VERSION_DESC);
    table.put("brokerVersion", Integer.toString(RemotingCommand.OUR_VERSION));
    table.put("brokerActive", "true");
    table.put("bootTimestamp", Long.toString(bootTimestamp));
    table.put("runtime", runtime(now - bootTimestamp));
    long minOffset = store.commitLogMinOffset();
    long maxOffset = store.commitLogMaxOffset();
    table.put("commitLogMinOffset", Long.toString(minOffset));
    table.put("commitLogMaxOffset", Long.toString(maxOffset));
    table.put(
        "dispatchBehindBytes", Long.toString(Math.max(0, maxOffset - store.dispatchedOffset())));
    StoredRecord earliest = StoredRecords.recordAt(store, minOffset);
    table.put(
        "earliestMessageTimeStamp",
        Long.toString(earliest == null ? now : earliest.storeTimestamp()));
    table.put("commitLogDiskRatio", Double.toString(diskRatio()));
    for (String counter :
        new String[] {
          "msgPutTotalYesterdayMorning",
          "msgPutTotalTodayMorning",
          "msgPutTotalTodayNow",
          "msgGetTotalYesterdayMorning",
          "msgGetTotalTodayMorning",
          "msgGetTotalTodayNow",
          "sendThreadPoolQueueSize",
          "pullThreadPoolQueueSize",
          "queryThreadPoolQueueSize",
          "ackThreadPoolQueueSize",
          "sendThreadPoolQueueHeadWaitTimeMills",
          "pullThreadPoolQueueHeadWaitTimeMills",
          "queryThreadPoolQueueHeadWaitTimeMills",
          "ackThreadPoolQueueHeadWaitTimeMills",
          "pageCacheLockTimeMills",
          "timerReadBehind",
          "timerOffsetBehind",
          "timerCongestNum",
        }) {
      table.put(counter, "0");
    }
    // RocketMQ spells the outgoing rate "getTransferedTps"; newer tools read "getTransferredTps":
    // send both.
    for (String rate :
        new String[] {
          "putTps",
          "getTransferedTps",
          "getTransferredTps",
          "getFoundTps",
          "getMissTps",
          "getTotalTps"
        }) {
      table.put(rate, ZERO_TPS);
    }
    table.put("timerEnqueueTps", "0.0");
    table.put("timerDequeueTps", "0.0");
    JsonWriter out = new JsonWriter().beginObject().name("table").beginObject();
    table.forEach((key, value) -> out.name(key).value(value));
    byte[] body = out.endObject().endObject().toString().getBytes(StandardCharsets.UTF_8);
    return CompletableFuture.completedFuture(Responses.success(request, Map.of(), body));
  }

  private double diskRatio() {
    try {
      FileStore disk = Files.getFileStore(store.config().storeRoot());
      long total = disk.getTotalSpace();
      return total <= 0 ? 0.0 : (double) (total - disk.getUsableSpace()) / total;
    } catch (IOException | SecurityException e) {
      return 0.0;
    }
  }

  /** RocketMQ's uptime text, e.g. {@code [ 0 days, 1 hours, 2 minutes, 3 seconds ]}. */
  static String runtime(long millis) {
    Duration up = Duration.ofMillis(Math.max(0, millis));
    return "[ "
        + up.toDays()
        + " days, "
        + up.toHoursPart()
        + " hours, "
        + up.toMinutesPart()
        + " minutes, "
        + up.toSecondsPart()
        + " seconds ]";
  }
}
