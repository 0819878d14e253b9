/**
 * Consumer and producer groups: the persisted subscription-group settings ({@code
 * config/subscriptionGroup.json}), and the live registries of the clients that heartbeat, with
 * their subscriptions, that decide when consumers must rebalance.
 */
package io.duetmq.broker.group;
