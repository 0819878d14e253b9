/**
 * The store's API: open a {@link io.duetmq.store.MessageStore}, append records, read queues by
 * logical offset and records by physical offset. Files only; no protocol knowledge.
 */
package io.duetmq.store;
