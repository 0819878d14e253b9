package io.duetmq.protocol.kafka.group;

import io.duetmq.protocol.kafka.codec.JoinGroupRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The membership state of one classic group. Not thread-safe: every access holds this object's
 * monitor (the coordinator's methods and timer tasks synchronize on it).
 */
final class ClassicGroup {
  final String groupId;
  GroupState state = GroupState.EMPTY;
  String protocolType;
  String protocolName;
  int generation;
  String leaderId;

  /** Members in join order; the first one becomes leader when there is none. */
  final Map<String, GroupMember> members = new LinkedHashMap<>();

  /** Member ids handed out with MEMBER_ID_REQUIRED that have not joined yet. */
  final Set<String> pending = new HashSet<>();

  /** Static members: instance id to current member id. */
  final Map<String, String> staticMembers = new HashMap<>();

  /** Invalidates rebalance, initial-delay and sync timers scheduled earlier. */
  long rebalanceToken;

  boolean initialDelayActive;
  long initialDelayRemainingMs;
  int membersAtDelayStart;

  ClassicGroup(String groupId) {
    this.groupId = groupId;
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  /** True when the group accepts a member with this protocol type and protocols. */
  boolean supports(String type, List<JoinGroupRequest.Protocol> protocols) {
    if (protocols.isEmpty() || type.isEmpty()) {
      return false;
    }
    if (members.isEmpty()) {
      return true;
    }
    if (!type.equals(protocolType)) {
      return false;
    }
    Set<String> common = candidates();
    for (JoinGroupRequest.Protocol p : protocols) {
      if (common.contains(p.name())) {
        return true;
      }
    }
    return false;
  }

  /** Protocol names every member supports, in the first member's order of preference. */
  Set<String> candidates() {
    Set<String> common = null;
    for (GroupMember m : members.values()) {
      Set<String> names = new LinkedHashSet<>();
      m.protocols.forEach(p -> names.add(p.name()));
      if (common == null) {
        common = names;
      } else {
        common.retainAll(names);
      }
    }
    return common == null ? Set.of() : common;
  }

  /** Each member votes for its first supported candidate; most votes wins. */
  String selectProtocol() {
    Set<String> candidates = candidates();
    Map<String, Integer> votes = new LinkedHashMap<>();
    candidates.forEach(c -> votes.put(c, 0));
    for (GroupMember m : members.values()) {
      for (JoinGroupRequest.Protocol p : m.protocols) {
        if (candidates.contains(p.name())) {
          votes.merge(p.name(), 1, Integer::sum);
          break;
        }
      }
    }
    String best = null;
    int bestVotes = -1;
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (e.getValue() > bestVotes) {
        best = e.getKey();
        bestVotes = e.getValue();
      }
    }
    return best;
  }

  boolean allMembersJoined() {
    if (!pending.isEmpty()) {
      return false;
    }
    for (GroupMember m : members.values()) {
      if (m.awaitingJoin == null) {
        return false;
      }
    }
    return true;
  }

  int maxRebalanceTimeoutMs() {
    int max = 0;
    for (GroupMember m : members.values()) {
      max = Math.max(max, m.rebalanceTimeoutMs);
    }
    return max;
  }

  List<GroupMember> memberList() {
    return new ArrayList<>(members.values());
  }

  /** True when this id belongs to an instance id now mapped to another member id. */
  boolean isFenced(String memberId, String instanceId) {
    if (instanceId == null) {
      return false;
    }
    String current = staticMembers.get(instanceId);
    return current != null && !current.equals(memberId);
  }
}
