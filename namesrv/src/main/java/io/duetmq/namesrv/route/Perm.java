package io.duetmq.namesrv.route;

/** RocketMQ's topic permission bits ({@code perm} of a topic config or queue data). */
public final class Perm {

  public static final int PRIORITY = 8;
  public static final int READ = 4;
  public static final int WRITE = 2;
  public static final int INHERIT = 1;

  private Perm() {}
}
