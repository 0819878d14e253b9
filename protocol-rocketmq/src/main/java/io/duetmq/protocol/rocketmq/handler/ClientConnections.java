package io.duetmq.protocol.rocketmq.handler;

import io.duetmq.broker.group.ClientConnection;
import io.duetmq.protocol.rocketmq.codec.RemotingCommand;
import io.duetmq.protocol.rocketmq.server.RemotingChannel;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ClientConnection} per remoting channel, so the engine's registries see the same object
 * for every heartbeat of a connection. The head removes a channel's entry when the channel closes.
 */
public final class ClientConnections {
  private static final System.Logger LOG = System.getLogger(ClientConnections.class.getName());

  private final Map<Long, RemotingClientConnection> byChannel = new ConcurrentHashMap<>();

  /**
   * The connection object of {@code channel}, created on first use with the sender's language and
   * version.
   */
  public ClientConnection of(RemotingChannel channel, RemotingCommand request) {
    return byChannel.computeIfAbsent(
        channel.id(),
        id -> new RemotingClientConnection(channel, request.language().name(), request.version()));
  }

  /**
   * Forgets a closed channel; returns its connection object, or null if it never sent a heartbeat.
   */
  public ClientConnection remove(RemotingChannel channel) {
    return byChannel.remove(channel.id());
  }

  private record RemotingClientConnection(RemotingChannel channel, String language, int version)
      implements ClientConnection {
    @Override
    public String id() {
      return Long.toString(channel.id());
    }

    @Override
    public String remoteAddress() {
      return channel.remoteAddress();
    }

    @Override
    public boolean isActive() {
      return channel.isActive();
    }

    @Override
    public void notifyConsumerIdsChanged(String group) {
      try {
        channel.invokeOneway(
            RemotingCommand.request(
                RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, Map.of("consumerGroup", group), null));
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "cannot notify " + channel.remoteAddress() + " of group " + group, e);
      }
    }

    // Registries key clients by identity: keep Object's equals and hashCode.
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
