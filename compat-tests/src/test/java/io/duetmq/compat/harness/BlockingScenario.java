package io.duetmq.compat.harness;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Waits for ever (until interrupted), to prove the time limit. */
public final class BlockingScenario implements Scenario {
  @Override
  public Map<String, String> run(Map<String, String> params) throws InterruptedException {
    new CountDownLatch(1).await();
    return Map.of();
  }
}
