/**
 * The protocol-agnostic engine: {@link io.duetmq.broker.BrokerEngine} composes topics, groups,
 * offsets, long polling, delayed and retried messages over one store.
 */
package io.duetmq.broker;
