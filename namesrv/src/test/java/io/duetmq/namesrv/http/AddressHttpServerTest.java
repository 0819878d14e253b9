package io.duetmq.namesrv.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressHttpServerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private AddressHttpServer server;
  private int port;

  @BeforeEach
  void start() {
    server = new AddressHttpServer("127.0.0.1", 0, "nsaddr", () -> "10.0.0.1:9876;10.0.0.2:9876");
    port = server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(TIMEOUT)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/rocketmq/nsaddr", "/rocketmq/nsaddr-unit1?nofix=1", "/rocketmq/nsaddr?a=b"})
  void shouldAnswerTheAddressListOnTheClientPaths(String path) throws Exception {
    HttpResponse<String> response = send("GET", path);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("10.0.0.1:9876;10.0.0.2:9876");
    assertThat(response.headers().firstValue("content-type")).contains("text/plain; charset=UTF-8");
  }

  @Test
  void shouldAnswerNotFoundForOtherPaths() throws Exception {
    assertThat(send("GET", "/rocketmq/other").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldRefuseMethodsOtherThanGet() throws Exception {
    assertThat(send("POST", "/rocketmq/nsaddr").statusCode()).isEqualTo(405);
  }

  @Test
  void shouldRefuseASecondStart() {
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
  }
}
