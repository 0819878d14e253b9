/**
 * Consumer retries and dead letters: the decision of CONSUMER_SEND_MSG_BACK (and of retry-topic
 * sends) between {@code %RETRY%<group>} with a delay level and {@code %DLQ%<group>}.
 */
package io.duetmq.broker.retry;
