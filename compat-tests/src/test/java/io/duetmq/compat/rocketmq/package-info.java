/**
 * RocketMQ client scenarios (compiled against the newest rocketmq-client, run on every version),
 * the tests that run them against a standalone DuetMQ, and mqadmin checks.
 */
package io.duetmq.compat.rocketmq;
