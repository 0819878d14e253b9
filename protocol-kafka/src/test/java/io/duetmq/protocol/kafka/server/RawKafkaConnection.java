package io.duetmq.protocol.kafka.server;

import io.duetmq.protocol.kafka.codec.KafkaWriter;
import io.duetmq.protocol.kafka.codec.RequestHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** A blocking test client that speaks raw Kafka frames over a socket (10 s read timeout). */
final class RawKafkaConnection implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  RawKafkaConnection(int port) {
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      in = new DataInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request frame: int32 size, then the header and the body. */
  static byte[] frame(RequestHeader header, Consumer<KafkaWriter> body) {
    ByteBuf buf = Unpooled.buffer();
    try {
      buf.writeInt(0);
      KafkaWriter writer = new KafkaWriter(buf);
      header.encode(writer);
      body.accept(writer);
      buf.setInt(0, buf.readableBytes() - 4);
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      return bytes;
    } finally {
      buf.release();
    }
  }

  void send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one response frame and returns its content (size prefix stripped). */
  ByteBuffer readFrame() {
    try {
      int size = in.readInt();
      byte[] bytes = new byte[size];
      in.readFully(bytes);
      return ByteBuffer.wrap(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True if the peer closed the connection (EOF or reset) before the read timeout. */
  boolean closedByPeer() {
    try {
      return in.read() == -1;
    } catch (EOFException | SocketException e) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
