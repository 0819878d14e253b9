/**
 * The NameServer's key-value configuration (PUT/GET/DELETE_KV_CONFIG), persisted to {@code
 * kvConfig.json} in RocketMQ's format.
 */
package io.duetmq.namesrv.kv;
