package io.duetmq.compat.harness;

import java.util.Map;

/**
 * One piece of client behaviour to check, run inside the class loader (or JVM) of a single client
 * version. Implementations are compiled once against the newest client API and must use only API
 * that every version under test has; they need a public no-argument constructor and must not live
 * in a shared package (see {@link ClientRuntime}).
 *
 * <p>This interface is the one harness type that the isolated loaders take from the test class
 * loader, so it may mention only JDK types. A scenario fails by throwing: an {@link AssertionError}
 * (AssertJ's included) reaches the JUnit test unchanged, anything else arrives wrapped in one.
 */
public interface Scenario {
  /**
   * Runs the scenario.
   *
   * @param params inputs such as addresses and topic names (immutable)
   * @return observations for the calling test to assert on, e.g. the library version; never null
   */
  Map<String, String> run(Map<String, String> params) throws Exception;
}
