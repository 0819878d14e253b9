package io.duetmq.namesrv.handler;

import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonParseException;
import io.duetmq.broker.json.JsonReader;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.namesrv.codec.NamesrvJsonEncoder;
import io.duetmq.namesrv.codec.RegisterBrokerBodyDecoder;
import io.duetmq.namesrv.route.DataVersion;
import io.duetmq.namesrv.route.RouteTables;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * QUERY_DATA_VERSION (322): a broker with {@code forceRegister=false} asks whether its topic table
 * changed since its last registration. Header {@code brokerAddr} (and {@code clusterName}, {@code
 * brokerName}, {@code brokerId}); body its DataVersion JSON. Refreshes the broker's liveness;
 * answers header {@code changed} and, when registered, the NameServer's DataVersion as body.
 */
public final class QueryDataVersionHandler extends ImmediateHandler {

  private final RouteTables routes;

  public QueryDataVersionHandler(RouteTables routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  @Override
  RemotingCommand answer(RemotingCommand request, RemotingChannel channel) {
    String brokerAddr = HeaderFields.required(request, "brokerAddr");
    DataVersion theirs = parse(request.body());
    Optional<DataVersion> ours = routes.dataVersion(brokerAddr);
    boolean changed = ours.isEmpty() || !ours.get().equals(theirs);
    routes.touch(brokerAddr);
    return success(request)
        .withExtFields(Map.of("changed", Boolean.toString(changed)))
        .withBody(ours.map(NamesrvJsonEncoder::dataVersion).orElse(null));
  }

  private static DataVersion parse(byte[] body) {
    if (body == null) {
      throw new IllegalArgumentException("QUERY_DATA_VERSION needs a DataVersion body");
    }
    try {
      return RegisterBrokerBodyDecoder.dataVersion(
          objectOf(JsonReader.parse(new String(body, StandardCharsets.UTF_8))), "");
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("DataVersion body is not JSON: " + e.getMessage(), e);
    }
  }

  private static JsonObject objectOf(JsonValue v) {
    if (v instanceof JsonObject object) {
      return object;
    }
    throw new IllegalArgumentException("DataVersion body must be a JSON object");
  }
}
