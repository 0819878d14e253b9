package io.duetmq.broker.topic;

/**
 * RocketMQ's permission bits, used for topics ({@code perm}) and for the broker as a whole ({@code
 * brokerPermission}). Stateless.
 */
public final class Permission {
  /** Producers may create topics from this one (only meaningful on TBW102-like topics). */
  public static final int INHERIT = 1;

  public static final int WRITE = 2;
  public static final int READ = 4;
  public static final int READ_WRITE = READ | WRITE;

  private Permission() {}

  public static boolean isReadable(int perm) {
    return (perm & READ) != 0;
  }

  public static boolean isWritable(int perm) {
    return (perm & WRITE) != 0;
  }

  public static boolean isInheritable(int perm) {
    return (perm & INHERIT) != 0;
  }
}
