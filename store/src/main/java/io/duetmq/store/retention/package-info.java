/**
 * Deletion of expired commit-log segments and of the derived files that only point below the
 * retained log.
 */
package io.duetmq.store.retention;
