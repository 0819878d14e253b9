package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.codec.ResponseCode;
import io.duetmq.protocol.rocketmq.handler.ExtFields;
import io.duetmq.protocol.rocketmq.handler.Responses;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import io.duetmq.protocol.rocketmq.server.RequestHandler;
import io.duetmq.store.QueueReader;
import io.duetmq.store.StoredRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * VIEW_MESSAGE_BY_ID (33), reference §3.20: the stored record at the commit-log offset the client
 * decoded from an offset message id, or SYSTEM_ERROR when no record starts there.
 *
 * <p>Thread-safety: stateless apart from the reader, which is thread-safe.
 */
public final class ViewMessageByIdHandler implements RequestHandler {
  private final QueueReader reader;

  public ViewMessageByIdHandler(QueueReader reader) {
    this.reader = reader;
  }

  @Override
  public CompletableFuture<RemotingCommand> handle(
      RemotingCommand request, RemotingChannel channel) {
    long offset = ExtFields.of(request).longValue("offset");
    StoredRecord record = StoredRecords.recordAt(reader, offset);
    if (record == null) {
      return Responses.errorNow(
          request, ResponseCode.SYSTEM_ERROR, "can not find message by the offset, " + offset);
    }
    return CompletableFuture.completedFuture(
        Responses.success(request, Map.of(), QueryMessageHandler.concat(List.of(record))));
  }
}
