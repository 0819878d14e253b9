package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.broker.message.MessageIds;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.store.AppendResult;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds send responses from append results (reference §3.3): the status code from {@link
 * StoreStatusCodes}, and for stored messages the header fields the clients require ({@code msgId},
 * {@code queueId}, {@code queueOffset}) plus the {@code MSG_REGION}/{@code TRACE_ON} fields the
 * 5.3.3 client reads unconditionally.
 */
public final class SendResults {
  private final InetSocketAddress storeHost;

  public SendResults(InetSocketAddress storeHost) {
    this.storeHost = storeHost;
  }

  /** The response to a single send. */
  public RemotingCommand single(
      RemotingCommand request, AppendResult result, int queueId, String uniqueKey) {
    if (!result.status().isStored()) {
      return Responses.error(
          request,
          StoreStatusCodes.forAppend(result.status()),
          "store refused: " + result.status());
    }
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("msgId", MessageIds.offsetId(storeHost, result.physicalOffset()));
    header.put("queueId", queueId);
    // A delayed message's offset is its offset in the schedule topic, as RocketMQ answers it.
    header.put("queueOffset", result.queueOffset());
    if (uniqueKey != null) {
      header.put("transactionId", uniqueKey);
    }
    return withStatus(request, result, header);
  }

  /** The response to a batch send: offset ids joined by commas, the first queue offset. */
  public RemotingCommand batch(RemotingCommand request, List<AppendResult> results, int queueId) {
    for (AppendResult result : results) {
      if (!result.status().isStored()) {
        return Responses.error(
            request,
            StoreStatusCodes.forAppend(result.status()),
            "store refused: " + result.status());
      }
    }
    Map<String, Object> header = new LinkedHashMap<>();
    header.put(
        "msgId",
        results.stream()
            .map(r -> MessageIds.offsetId(storeHost, r.physicalOffset()))
            .collect(Collectors.joining(",")));
    header.put("queueId", queueId);
    header.put("queueOffset", results.isEmpty() ? 0 : results.get(0).queueOffset());
    AppendResult worst =
        results.stream()
            .filter(r -> r.status() != results.get(0).status())
            .findFirst()
            .orElse(results.isEmpty() ? null : results.get(0));
    return withStatus(request, worst, header);
  }

  private static RemotingCommand withStatus(
      RemotingCommand request, AppendResult result, Map<String, Object> header) {
    header.put("MSG_REGION", "DefaultRegion");
    header.put("TRACE_ON", "true");
    RemotingCommand response = Responses.success(request, header, null);
    int code = result == null ? 0 : StoreStatusCodes.forAppend(result.status());
    return code == 0
        ? response
        : RemotingCommand.responseTo(request, code, result.status().name())
            .withExtFields(response.extFields());
  }
}
