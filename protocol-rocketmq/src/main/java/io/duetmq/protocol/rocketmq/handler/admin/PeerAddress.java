package io.duetmq.protocol.rocketmq.handler.admin;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Turns a channel's {@code ip:port} text into a socket address without a name lookup. Stateless.
 */
final class PeerAddress {
  private PeerAddress() {}

  static InetSocketAddress parse(String text) {
    if (text == null) {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? text : text.substring(0, colon);
    int port = 0;
    if (colon >= 0) {
      try {
        port = Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = 0;
      }
    }
    if (host.startsWith("/")) {
      host = host.substring(1);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      // Only literal addresses reach here, for which getByName does not consult DNS.
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
  }
}
