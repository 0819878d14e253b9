/**
 * Derives consume-queue and index entries from the commit log behind the writer, and reports
 * arrivals.
 */
package io.duetmq.store.dispatch;
