package io.duetmq.broker.group;

/** Whether a group's members share the queues or each receive everything. */
public enum MessageModel {
  /** Queues are divided among the members; offsets live on the broker. */
  CLUSTERING,
  /** Every member consumes every queue; offsets live on the clients. */
  BROADCASTING
}
