/**
 * Delayed delivery by level (RocketMQ's {@code DELAY} property): messages are parked in {@code
 * SCHEDULE_TOPIC_XXXX}, one queue per level, and re-put to their real topic when due; the next
 * offset of each level is kept in {@code config/delayOffset.json}.
 */
package io.duetmq.broker.delay;
