/**
 * The contract between the server and request handlers, the registry that maps API keys to handlers
 * (and so defines what ApiVersions advertises), and one handler per API key.
 */
package io.duetmq.protocol.kafka.handler;
