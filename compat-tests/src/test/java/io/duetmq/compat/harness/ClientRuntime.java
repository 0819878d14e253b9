package io.duetmq.compat.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs scenarios in-process inside an {@link IsolatedClassLoader} over one client version, on a
 * thread of their own whose context class loader is the isolated one (Kafka loads configured
 * classes such as serializers through it).
 *
 * <p>The time limit fails the test and interrupts the scenario thread, but a thread cannot be
 * killed: a scenario that ignores interrupts keeps running (as a daemon) until the JVM exits. Use
 * {@link ForkedClient} when a scenario must be killable or needs a JVM of its own (System.exit,
 * global state such as System.out, native libraries).
 *
 * <p>Not thread-safe: one test uses one runtime, and closes it.
 */
public final class ClientRuntime implements AutoCloseable {
  /** Generous for a loopback scenario, small enough to keep a stuck build short. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final ClientVersion version;
  private final IsolatedClassLoader loader;

  private ClientRuntime(ClientVersion version, IsolatedClassLoader loader) {
    this.version = version;
    this.loader = loader;
  }

  /** Opens a fresh loader over {@code version}'s jars and the compiled scenarios. */
  public static ClientRuntime open(ClientVersion version) {
    List<URL> urls = new ArrayList<>();
    for (Path jar : version.classpath()) {
      urls.add(toUrl(jar));
    }
    urls.add(toUrl(HarnessPaths.testClasses()));
    IsolatedClassLoader loader =
        new IsolatedClassLoader(version.folder(), urls, ClientRuntime.class.getClassLoader());
    return new ClientRuntime(version, loader);
  }

  private static URL toUrl(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a usable class path entry: " + path, e);
    }
  }

  public ClientVersion version() {
    return version;
  }

  /** The isolated loader, e.g. to check where a class comes from. */
  public ClassLoader classLoader() {
    return loader;
  }

  /** Runs a scenario with {@link #DEFAULT_TIMEOUT}. */
  public Map<String, String> run(Class<? extends Scenario> scenario, Map<String, String> params) {
    return run(scenario, params, DEFAULT_TIMEOUT);
  }

  /**
   * Loads {@code scenario} by name inside the isolated loader and runs it.
   *
   * @return the scenario's observations
   * @throws AssertionError the scenario's own assertion error, or one wrapping whatever else it
   *     threw, or one saying it did not finish within {@code timeout} (with its stack at that time)
   */
  public Map<String, String> run(
      Class<? extends Scenario> scenario, Map<String, String> params, Duration timeout) {
    Map<String, String> input = Map.copyOf(params);
    String label = scenario.getSimpleName() + " on " + version.folder();
    FutureTask<Map<String, String>> task =
        new FutureTask<>(() -> instantiate(scenario.getName()).run(input));
    Thread thread = new Thread(task, "scenario " + label);
    thread.setDaemon(true);
    thread.setContextClassLoader(loader);
    thread.start();
    try {
      Map<String, String> result = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (result == null) {
        throw new AssertionError(label + " returned null instead of a map");
      }
      return Map.copyOf(result);
    } catch (ExecutionException e) {
      throw asFailure(label, e.getCause());
    } catch (TimeoutException e) {
      String stack =
          Arrays.stream(thread.getStackTrace())
              .map(frame -> "\tat " + frame)
              .collect(Collectors.joining("\n"));
      thread.interrupt();
      throw new AssertionError(
          label + " did not finish within " + timeout + "; it was at\n" + stack);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.interrupt();
      throw new AssertionError(label + " was interrupted while waiting", e);
    }
  }

  private Scenario instantiate(String className) throws ReflectiveOperationException {
    Class<?> type = Class.forName(className, true, loader);
    if (type.getClassLoader() != loader) {
      throw new IllegalStateException(
          className + " was loaded by " + type.getClassLoader() + ", not in isolation");
    }
    return type.asSubclass(Scenario.class).getDeclaredConstructor().newInstance();
  }

  static AssertionError asFailure(String label, Throwable cause) {
    if (cause instanceof AssertionError assertion) {
      return assertion;
    }
    return new AssertionError(label + " threw " + cause, cause);
  }

  /** Closes the loader's jars; classes already loaded stay usable until collected. */
  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the loader of " + version.folder(), e);
    }
  }
}
