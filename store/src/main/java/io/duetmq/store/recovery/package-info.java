/**
 * Start-up after a clean or unclean shutdown: lock and abort marker, checkpoint, commit-log
 * validation and the rebuild of derived files.
 */
package io.duetmq.store.recovery;
