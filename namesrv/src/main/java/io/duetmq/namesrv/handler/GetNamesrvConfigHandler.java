package io.duetmq.namesrv.handler;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * GET_NAMESRV_CONFIG (319, {@code mqadmin getNamesrvConfig}): no header; body the effective
 * configuration as {@code key=value} lines. (UPDATE_NAMESRV_CONFIG is not supported: the
 * configuration is immutable while running.)
 */
public final class GetNamesrvConfigHandler extends ImmediateHandler {

  private final byte[] properties;

  /**
   * @param properties the configuration as {@code key=value} lines
   */
  public GetNamesrvConfigHandler(String properties) {
    this.properties =
        Objects.requireNonNull(properties, "properties").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    return success(request).withBody(properties.clone());
  }
}
