package io.duetmq.broker.group;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client connection that records the notifications it was sent. */
final class FakeConnection implements ClientConnection {
  private final String id;
  final List<String> notified = new CopyOnWriteArrayList<>();
  volatile boolean active = true;

  FakeConnection(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String remoteAddress() {
    return "10.0.0.1:" + (40000 + Math.abs(id.hashCode() % 1000));
  }

  @Override
  public String language() {
    return "JAVA";
  }

  @Override
  public int version() {
    return 479;
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public void notifyConsumerIdsChanged(String group) {
    notified.add(group);
  }
}
