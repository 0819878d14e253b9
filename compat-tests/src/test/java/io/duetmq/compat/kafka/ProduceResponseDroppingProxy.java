package io.duetmq.compat.kafka;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 between Kafka clients and one broker that loses the broker's FIRST
 * Produce response, as a network would: the proxy reads each request frame's header (int32 size,
 * int16 api key, int16 version, int32 correlation id) on the way in, matches responses by
 * correlation id on the way out, and from the first Produce response on forwards nothing more on
 * that connection (so the client sees a request timeout, not a correlation mismatch). Later
 * connections are forwarded untouched.
 *
 * <p>Clients reach the broker only through the proxy if the broker advertises the proxy's port in
 * Metadata ({@code kafka.advertised.port}), so the proxy binds first and is told the broker's
 * address afterwards ({@link #forwardTo}).
 *
 * <p>Thread-safe: two daemon threads per proxied connection, one accept thread.
 */
final class ProduceResponseDroppingProxy implements AutoCloseable {
  private static final short PRODUCE = 0;

  private final ServerSocket listener;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicBoolean dropped = new AtomicBoolean();
  private final AtomicInteger produceRequests = new AtomicInteger();
  private volatile InetSocketAddress upstream;

  private ProduceResponseDroppingProxy(ServerSocket listener) {
    this.listener = listener;
  }

  /** Binds 127.0.0.1 on a free port; nothing is accepted before {@link #forwardTo}. */
  static ProduceResponseDroppingProxy bind() {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      return new ProduceResponseDroppingProxy(listener);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the proxy", e);
    }
  }

  int port() {
    return listener.getLocalPort();
  }

  /** {@code 127.0.0.1:port} of the proxy, for {@code bootstrap.servers}. */
  String address() {
    return "127.0.0.1:" + port();
  }

  /** Starts accepting; every connection is forwarded to {@code hostPort}. */
  void forwardTo(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    upstream =
        new InetSocketAddress(
            hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    daemon("proxy-accept", this::acceptLoop);
  }

  /** Produce requests seen from clients, retries included. */
  int produceRequests() {
    return produceRequests.get();
  }

  /** Produce responses that never reached the client (0 or 1). */
  int droppedProduceResponses() {
    return dropped.get() ? 1 : 0;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket broker = new Socket();
        sockets.add(client);
        sockets.add(broker);
        broker.connect(upstream, 5_000);
        Map<Integer, Short> apiKeys = new ConcurrentHashMap<>();
        daemon("proxy-requests", () -> pumpRequests(client, broker, apiKeys));
        daemon("proxy-responses", () -> pumpResponses(broker, client, apiKeys));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pumpRequests(Socket client, Socket broker, Map<Integer, Short> apiKeys) {
    try (DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(broker.getOutputStream())) {
      while (true) {
        byte[] frame = readFrame(in);
        ByteBuffer header = ByteBuffer.wrap(frame);
        short apiKey = header.getShort(0);
        int correlationId = header.getInt(4);
        apiKeys.put(correlationId, apiKey);
        if (apiKey == PRODUCE) {
          produceRequests.incrementAndGet();
        }
        writeFrame(out, frame);
      }
    } catch (IOException e) {
      closeBoth(client, broker);
    }
  }

  private void pumpResponses(Socket broker, Socket client, Map<Integer, Short> apiKeys) {
    boolean blackHole = false;
    try (DataInputStream in = new DataInputStream(broker.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream())) {
      while (true) {
        byte[] frame = readFrame(in);
        Short apiKey = apiKeys.remove(ByteBuffer.wrap(frame).getInt(0));
        if (apiKey != null && apiKey == PRODUCE && dropped.compareAndSet(false, true)) {
          blackHole = true;
        }
        if (!blackHole) {
          writeFrame(out, frame);
        }
      }
    } catch (IOException e) {
      closeBoth(client, broker);
    }
  }

  private static byte[] readFrame(DataInputStream in) throws IOException {
    int size = in.readInt();
    if (size < 8 || size > 200 * 1024 * 1024) {
      throw new IOException("implausible frame size " + size);
    }
    byte[] frame = new byte[size];
    in.readFully(frame);
    return frame;
  }

  private static void writeFrame(DataOutputStream out, byte[] frame) throws IOException {
    out.writeInt(frame.length);
    out.write(frame);
    out.flush();
  }

  private static void closeBoth(Socket a, Socket b) {
    closeQuietly(a);
    closeQuietly(b);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already broken; nothing to do
    }
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    sockets.forEach(ProduceResponseDroppingProxy::closeQuietly);
  }
}
