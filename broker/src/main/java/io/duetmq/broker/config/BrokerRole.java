package io.duetmq.broker.config;

/** A broker's replication role, named as in RocketMQ's {@code brokerRole} key. */
public enum BrokerRole {
  /** Master that acknowledges before slaves have the data. */
  ASYNC_MASTER,
  /** Master that acknowledges after the in-sync slaves have the data. */
  SYNC_MASTER,
  /** Read-only replica of a master (brokerId &ge; 1). */
  SLAVE;

  public boolean isMaster() {
    return this != SLAVE;
  }
}
