package io.duetmq.protocol.rocketmq.handler;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Turns the {@code ip:port} text of a remote address into a socket address without any name lookup.
 */
public final class RemoteAddresses {
  private RemoteAddresses() {}

  public static InetSocketAddress parse(String text) {
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
      // A literal address: getByName does not consult DNS for it.
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
  }
}
