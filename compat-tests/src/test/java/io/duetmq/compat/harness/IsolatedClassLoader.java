package io.duetmq.compat.harness;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * A class loader over one client version's jars plus the compiled scenarios. Its parent is the
 * JDK's platform loader, so the test class path (which holds the newest client version) is never
 * consulted, except for the few shared types listed here: the {@link Scenario} interface, so that
 * the harness can call a scenario, and the test frameworks, so that an assertion error thrown
 * inside is the same class JUnit reports. Everything else, scenario classes included, is defined by
 * this loader from its own URLs.
 *
 * <p>Thread-safe (parallel capable).
 */
final class IsolatedClassLoader extends URLClassLoader {
  private static final List<String> SHARED_PACKAGES =
      List.of(
          "org.junit.",
          "org.opentest4j.",
          "org.apiguardian.",
          "org.assertj.",
          "org.awaitility.",
          "org.hamcrest.");

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader shared;

  IsolatedClassLoader(String name, List<URL> urls, ClassLoader shared) {
    super(name, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    this.shared = shared;
  }

  static boolean isShared(String className) {
    if (className.equals(Scenario.class.getName())) {
      return true;
    }
    for (String prefix : SHARED_PACKAGES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (isShared(name)) {
      return shared.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }
}
