/**
 * The NameServer's route tables (clusters, broker groups, topic queue data, live brokers) with
 * RocketMQ's registration, merge and expiry semantics, the value types they hand out, and the
 * service that expires silent brokers.
 */
package io.duetmq.namesrv.route;
