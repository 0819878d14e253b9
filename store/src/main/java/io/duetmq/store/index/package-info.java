/**
 * The key index: hash-chained, memory-mapped files (RocketMQ's IndexFile layout) that map a message
 * key ({@code topic#key}) to the commit-log offsets of the records carrying it within a time range.
 * Derived data: every file can be rebuilt by re-dispatching the commit log.
 */
package io.duetmq.store.index;
