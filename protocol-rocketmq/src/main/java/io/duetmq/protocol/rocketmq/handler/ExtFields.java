package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import java.util.Map;

/**
 * Typed access to a request's custom header (its string-valued extFields). A missing required field
 * or an unparsable number throws {@link BadRequestException}, which the handlers' common path
 * answers with SYSTEM_ERROR and the field's name — what a RocketMQ broker does when a header cannot
 * be decoded.
 */
public final class ExtFields {
  private final Map<String, String> fields;

  private ExtFields(Map<String, String> fields) {
    this.fields = fields;
  }

  public static ExtFields of(RemotingCommand request) {
    return new ExtFields(request.extFields());
  }

  /** A required string. */
  public String string(String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new BadRequestException("the request lacks the header field " + name);
    }
    return value;
  }

  /** An optional string, or {@code fallback}. */
  public String string(String name, String fallback) {
    String value = fields.get(name);
    return value == null ? fallback : value;
  }

  public int integer(String name) {
    return parseInt(name, string(name));
  }

  public int integer(String name, int fallback) {
    String value = fields.get(name);
    return value == null ? fallback : parseInt(name, value);
  }

  public long longValue(String name) {
    return parseLong(name, string(name));
  }

  public long longValue(String name, long fallback) {
    String value = fields.get(name);
    return value == null ? fallback : parseLong(name, value);
  }

  /** An optional boolean; absent means {@code fallback}. */
  public boolean bool(String name, boolean fallback) {
    String value = fields.get(name);
    return value == null ? fallback : Boolean.parseBoolean(value.trim());
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException("header field " + name + " = '" + value + "' is not an int");
    }
  }

  private static long parseLong(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException("header field " + name + " = '" + value + "' is not a long");
    }
  }
}
