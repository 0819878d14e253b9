/**
 * Long polling: reads that found nothing new are held until a record arrives in one of the queues
 * they watch or their deadline passes, then handed back to the protocol head to run again.
 */
package io.duetmq.broker.poll;
