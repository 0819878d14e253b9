package io.duetmq.namesrv.handler;

/** RocketMQ response codes the NameServer answers with (beyond the remoting layer's 0–4). */
public final class NamesrvResponseCode {

  public static final int SUCCESS = 0;
  public static final int SYSTEM_ERROR = 1;
  public static final int NO_PERMISSION = 16;
  public static final int TOPIC_NOT_EXIST = 17;
  public static final int QUERY_NOT_FOUND = 22;

  private NamesrvResponseCode() {}
}
