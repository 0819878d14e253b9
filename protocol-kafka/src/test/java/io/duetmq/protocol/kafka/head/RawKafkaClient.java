package io.duetmq.protocol.kafka.head;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;

/** Sends kafka-clients-built requests over a plain socket and parses the answers (10 s timeout). */
final class RawKafkaClient implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;
  private int correlationId;

  RawKafkaClient(int port) {
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      in = new DataInputStream(socket.getInputStream());
      out = new DataOutputStream(socket.getOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code request} at its own version and returns the parsed response. */
  @SuppressWarnings("unchecked") // the caller names the response type of the request's API
  <R extends AbstractResponse> R send(AbstractRequest request) {
    RequestHeader header =
        new RequestHeader(request.apiKey(), request.version(), "raw-test", ++correlationId);
    ByteBuffer bytes = request.serializeWithHeader(header);
    try {
      out.writeInt(bytes.remaining());
      out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
      out.flush();
      byte[] response = new byte[in.readInt()];
      in.readFully(response);
      return (R) AbstractResponse.parseResponse(ByteBuffer.wrap(response), header);
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
