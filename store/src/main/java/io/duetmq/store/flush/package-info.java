/**
 * When written records become durable: group commit for SYNC_FLUSH and the periodic flusher for
 * ASYNC_FLUSH.
 */
package io.duetmq.store.flush;
