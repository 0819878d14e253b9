/**
 * The commit log: segments, the record layout (Apache RocketMQ's message format), the single writer
 * thread and the read views over records.
 */
package io.duetmq.store.log;
