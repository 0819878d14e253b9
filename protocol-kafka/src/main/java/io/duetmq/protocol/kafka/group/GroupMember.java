package io.duetmq.protocol.kafka.group;

import io.duetmq.protocol.kafka.codec.JoinGroupRequest;
import io.duetmq.protocol.kafka.codec.JoinGroupResponse;
import io.duetmq.protocol.kafka.codec.SyncGroupResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One member of a classic group: its protocols, assignment, pending JoinGroup/SyncGroup answers and
 * session timer. Not thread-safe: guarded by its {@link ClassicGroup}'s monitor.
 */
final class GroupMember {
  private static final byte[] EMPTY = new byte[0];

  String memberId;
  final String instanceId;
  String clientId;
  String clientHost;
  int sessionTimeoutMs;
  int rebalanceTimeoutMs;
  String protocolType;
  List<JoinGroupRequest.Protocol> protocols;
  byte[] assignment = EMPTY;
  CompletableFuture<JoinGroupResponse> awaitingJoin;
  CompletableFuture<SyncGroupResponse> awaitingSync;
  long sessionToken;
  Runnable cancelSession = () -> {};

  GroupMember(String memberId, String instanceId) {
    this.memberId = memberId;
    this.instanceId = instanceId;
  }

  void update(JoinGroupRequest request, String clientId, String clientHost) {
    this.clientId = clientId;
    this.clientHost = clientHost;
    this.sessionTimeoutMs = request.sessionTimeoutMs();
    this.rebalanceTimeoutMs = request.rebalanceTimeoutMs();
    this.protocolType = request.protocolType();
    this.protocols = request.protocols();
  }

  boolean sameProtocols(JoinGroupRequest request) {
    if (!request.protocolType().equals(protocolType)
        || request.protocols().size() != protocols.size()) {
      return false;
    }
    for (int i = 0; i < protocols.size(); i++) {
      JoinGroupRequest.Protocol a = protocols.get(i);
      JoinGroupRequest.Protocol b = request.protocols().get(i);
      if (!a.name().equals(b.name()) || !Arrays.equals(a.metadata(), b.metadata())) {
        return false;
      }
    }
    return true;
  }

  boolean supports(String protocol) {
    return metadata(protocol) != null;
  }

  /** The member's metadata for {@code protocol}, or null. */
  byte[] metadata(String protocol) {
    for (JoinGroupRequest.Protocol p : protocols) {
      if (p.name().equals(protocol)) {
        return p.metadata();
      }
    }
    return null;
  }

  void resetAssignment() {
    assignment = EMPTY;
  }

  static byte[] empty() {
    return EMPTY;
  }
}
