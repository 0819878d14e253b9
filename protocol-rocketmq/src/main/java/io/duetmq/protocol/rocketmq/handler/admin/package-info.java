/**
 * The broker's RocketMQ handlers for batch sends, send-backs, message queries and the admin
 * requests of mqadmin (topics, groups, statistics, offset resets); {@link
 * io.duetmq.protocol.rocketmq.handler.admin.AdminHandlers} registers them all on a remoting server.
 */
package io.duetmq.protocol.rocketmq.handler.admin;
