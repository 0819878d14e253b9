/**
 * Consume queues: per (topic, queueId) index files derived from the commit log, one fixed-size
 * entry per commit-log record, looked up by logical offset or store timestamp. They can always be
 * rebuilt from the commit log, so recovery keeps their valid prefix and drops the rest.
 */
package io.duetmq.store.queue;
