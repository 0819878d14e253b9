package io.duetmq.distribution;

import java.util.concurrent.CountDownLatch;

/** The launcher: {@code duetmq standalone|namesrv|broker [options]}. */
public final class DuetMq {
  private DuetMq() {}

  public static void main(String[] args) throws InterruptedException {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    StandaloneServer server = StandaloneServer.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "duetmq-shutdown"));
    System.out.println(server.readyLine());
    stopped.await();
  }
}
