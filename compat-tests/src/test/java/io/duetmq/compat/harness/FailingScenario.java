package io.duetmq.compat.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Fails an AssertJ assertion, to prove failures travel out of the isolated loader intact. */
public final class FailingScenario implements Scenario {
  static final String DESCRIPTION = "deliberate failure inside the isolated loader";

  @Override
  public Map<String, String> run(Map<String, String> params) {
    assertThat(params.get("answer")).as(DESCRIPTION).isEqualTo("42");
    return Map.of();
  }
}
