package io.duetmq.broker.group;

import java.util.Objects;

/**
 * One registered client of a group.
 *
 * @param clientId the client's id exactly as sent ({@code ip@instance}); consumers find themselves
 *     in the consumer list by string equality
 * @param connection the connection it heartbeats on
 * @param lastHeartbeatMillis clock time of its last heartbeat
 */
public record ClientInfo(String clientId, ClientConnection connection, long lastHeartbeatMillis) {
  public ClientInfo {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(connection, "connection");
  }
}
