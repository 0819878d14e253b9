/**
 * RocketMQ message values above the store's bytes: the properties string, message ids, a decoded
 * view of a stored record, and re-putting a stored message to another topic (retry, dead letter,
 * delayed delivery).
 */
package io.duetmq.broker.message;
