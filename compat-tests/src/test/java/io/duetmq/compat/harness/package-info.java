/**
 * The compat-test harness: loads one client-library version in isolation (in-process class loader
 * or a forked JVM), runs scenarios and command-line tools with a time limit, and starts the real
 * launcher on loopback. Nothing here references a client library: only {@link
 * io.duetmq.compat.harness.Scenario} is shared with the isolated loaders.
 */
package io.duetmq.compat.harness;
