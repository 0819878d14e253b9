package io.duetmq.protocol.rocketmq.handler.admin;

import io.duetmq.broker.json.JsonObject;
import io.duetmq.broker.json.JsonParseException;
import io.duetmq.broker.json.JsonReader;
import io.duetmq.broker.json.JsonValue;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.handler.BadRequestException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body that must be one JSON object; anything else is a {@link
 * BadRequestException}. Stateless.
 */
final class JsonBodies {
  private JsonBodies() {}

  static JsonObject object(RemotingCommand request) {
    if (request.body() == null || request.body().length == 0) {
      throw new BadRequestException("request code " + request.code() + " needs a JSON body");
    }
    JsonValue parsed;
    try {
      parsed = JsonReader.parse(new String(request.body(), StandardCharsets.UTF_8));
    } catch (JsonParseException e) {
      throw new BadRequestException(
          "request code " + request.code() + " body is not JSON: " + e.getMessage());
    }
    if (!(parsed instanceof JsonObject object)) {
      throw new BadRequestException(
          "request code " + request.code() + " body is not a JSON object");
    }
    return object;
  }
}
