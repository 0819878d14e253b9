package io.duetmq.namesrv.handler;

import io.duetmq.protocol.rocketmq.codec.RemotingCommand;

/**
 * Typed access to a request's ext fields. A missing required field or a malformed number raises
 * {@link IllegalArgumentException}, which {@link ImmediateHandler} answers with SYSTEM_ERROR.
 */
final class HeaderFields {

  private HeaderFields() {}

  static String required(RemotingCommand request, String name) {
    String value = request.extField(name);
    if (value == null) {
      // RocketMQ's wording for a missing mandatory header field
      throw new IllegalArgumentException("the custom field <" + name + "> is null");
    }
    return value;
  }

  static String optional(RemotingCommand request, String name) {
    String value = request.extField(name);
    return value == null || value.isEmpty() ? null : value;
  }

  static long requiredLong(RemotingCommand request, String name) {
    return parseLong(name, required(request, name));
  }

  static Long optionalLong(RemotingCommand request, String name) {
    String value = optional(request, name);
    return value == null ? null : parseLong(name, value);
  }

  static int optionalInt(RemotingCommand request, String name, int absent) {
    String value = optional(request, name);
    if (value == null) {
      return absent;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "header field " + name + " is not an int: '" + value + "'", e);
    }
  }

  static Boolean optionalBoolean(RemotingCommand request, String name) {
    String value = optional(request, name);
    return value == null ? null : Boolean.parseBoolean(value.trim());
  }

  private static long parseLong(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "header field " + name + " is not a number: '" + value + "'", e);
    }
  }
}
