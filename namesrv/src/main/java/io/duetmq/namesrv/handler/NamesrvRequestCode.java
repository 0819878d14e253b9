package io.duetmq.namesrv.handler;

/** The request codes the NameServer answers (RocketMQ 5.3.3 numbering). */
public final class NamesrvRequestCode {

  public static final int PUT_KV_CONFIG = 100;
  public static final int GET_KV_CONFIG = 101;
  public static final int DELETE_KV_CONFIG = 102;
  public static final int REGISTER_BROKER = 103;
  public static final int UNREGISTER_BROKER = 104;
  public static final int GET_ROUTEINFO_BY_TOPIC = 105;
  public static final int GET_BROKER_CLUSTER_INFO = 106;
  public static final int WIPE_WRITE_PERM_OF_BROKER = 205;
  public static final int GET_ALL_TOPIC_LIST_FROM_NAMESERVER = 206;
  public static final int DELETE_TOPIC_IN_NAMESRV = 216;
  public static final int GET_KVLIST_BY_NAMESPACE = 219;
  public static final int GET_TOPICS_BY_CLUSTER = 224;
  public static final int GET_SYSTEM_TOPIC_LIST_FROM_NS = 304;
  public static final int GET_NAMESRV_CONFIG = 319;
  public static final int QUERY_DATA_VERSION = 322;
  public static final int ADD_WRITE_PERM_OF_BROKER = 327;
  public static final int BROKER_HEARTBEAT = 904;

  private NamesrvRequestCode() {}
}
