package io.duetmq.protocol.kafka.group;

import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.HeartbeatRequest;
import io.duetmq.protocol.kafka.codec.JoinGroupRequest;
import io.duetmq.protocol.kafka.codec.JoinGroupResponse;
import io.duetmq.protocol.kafka.codec.LeaveGroupRequest;
import io.duetmq.protocol.kafka.codec.LeaveGroupResponse;
import io.duetmq.protocol.kafka.codec.SyncGroupRequest;
import io.duetmq.protocol.kafka.codec.SyncGroupResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The classic group coordinator of a single broker (reference §3.7): this node coordinates every
 * group. Runs each group's state machine (Empty, PreparingRebalance, CompletingRebalance, Stable,
 * Dead): the MEMBER_ID_REQUIRED dance, delayed JoinGroup answers, the initial rebalance delay,
 * protocol vote, leader choice, the SyncGroup round trip, heartbeats, session and pending-member
 * expiry, LeaveGroup and static membership. Group state is in memory only (after a restart members
 * rejoin); committed offsets are elsewhere ({@link CommittedOffsets}).
 *
 * <p>Thread-safety: thread-safe. Each group is guarded by its own monitor, held only while its
 * state changes; nothing blocks. Answers are futures completed under that monitor, on the calling
 * thread or the {@link GroupScheduler}'s thread; the server hops back to the connection's event
 * loop before writing.
 */
public final class GroupCoordinator {
  private final GroupConfig config;
  private final GroupScheduler scheduler;
  private final ConcurrentHashMap<String, ClassicGroup> groups = new ConcurrentHashMap<>();

  public GroupCoordinator(GroupConfig config, GroupScheduler scheduler) {
    this.config = Objects.requireNonNull(config, "config");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  // ---- JoinGroup ----

  /**
   * Handles a JoinGroup; the answer may wait for the rebalance.
   *
   * @param version the request's version (MEMBER_ID_REQUIRED from v4, leader substitution for v5–8
   *     static rejoins)
   */
  public CompletableFuture<JoinGroupResponse> join(
      JoinGroupRequest request, short version, String clientId, String clientHost) {
    String memberId = request.memberId();
    if (request.groupId().isEmpty()) {
      return joinError(ErrorCode.INVALID_GROUP_ID, memberId);
    }
    if (request.sessionTimeoutMs() < config.minSessionTimeoutMs()
        || request.sessionTimeoutMs() > config.maxSessionTimeoutMs()) {
      return joinError(ErrorCode.INVALID_SESSION_TIMEOUT, memberId);
    }
    while (true) {
      ClassicGroup group =
          memberId.isEmpty()
              ? groups.computeIfAbsent(request.groupId(), ClassicGroup::new)
              : groups.get(request.groupId());
      if (group == null) {
        return joinError(ErrorCode.UNKNOWN_MEMBER_ID, memberId);
      }
      synchronized (group) {
        if (group.state == GroupState.DEAD) {
          continue; // deleted meanwhile: start over with a fresh group
        }
        if (!group.supports(request.protocolType(), request.protocols())) {
          return joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, memberId);
        }
        return memberId.isEmpty()
            ? joinUnknown(group, request, version, clientId, clientHost)
            : joinKnown(group, request, version, clientId, clientHost);
      }
    }
  }

  private CompletableFuture<JoinGroupResponse> joinUnknown(
      ClassicGroup group, JoinGroupRequest request, short version, String clientId, String host) {
    String instanceId = request.groupInstanceId();
    if (instanceId != null) {
      String newId = instanceId + "-" + UUID.randomUUID();
      String old = group.staticMembers.get(instanceId);
      if (old != null && group.members.containsKey(old)) {
        return replaceStatic(group, old, newId, request, version, clientId, host);
      }
      if (isFull(group)) {
        return joinError(ErrorCode.GROUP_MAX_SIZE_REACHED, "");
      }
      return addMember(group, newId, request, clientId, host);
    }
    String newId = (clientId == null ? "" : clientId) + "-" + UUID.randomUUID();
    if (isFull(group)) {
      return joinError(ErrorCode.GROUP_MAX_SIZE_REACHED, "");
    }
    if (version < 4) {
      return addMember(group, newId, request, clientId, host);
    }
    group.pending.add(newId);
    scheduler.schedule(() -> expirePending(group, newId), request.sessionTimeoutMs());
    return joinError(ErrorCode.MEMBER_ID_REQUIRED, newId);
  }

  private CompletableFuture<JoinGroupResponse> joinKnown(
      ClassicGroup group, JoinGroupRequest request, short version, String clientId, String host) {
    String memberId = request.memberId();
    if (group.pending.remove(memberId)) {
      return addMember(group, memberId, request, clientId, host);
    }
    GroupMember member = group.members.get(memberId);
    if (group.isFenced(memberId, request.groupInstanceId())) {
      return joinError(ErrorCode.FENCED_INSTANCE_ID, memberId);
    }
    if (member == null) {
      return joinError(ErrorCode.UNKNOWN_MEMBER_ID, memberId);
    }
    if (!Objects.equals(member.instanceId, request.groupInstanceId())) {
      return joinError(ErrorCode.FENCED_INSTANCE_ID, memberId);
    }
    boolean same = member.sameProtocols(request);
    member.update(request, clientId, host);
    switch (group.state) {
      case PREPARING_REBALANCE:
        return awaitJoin(group, member);
      case COMPLETING_REBALANCE:
        if (same) {
          return CompletableFuture.completedFuture(joinAnswer(group, member, member.memberId));
        }
        return rebalanceAndAwait(group, member);
      case STABLE:
        if (same && !memberId.equals(group.leaderId)) {
          resetSession(group, member);
          return CompletableFuture.completedFuture(joinAnswer(group, member, group.leaderId));
        }
        return rebalanceAndAwait(group, member);
      default:
        return joinError(ErrorCode.UNKNOWN_MEMBER_ID, memberId);
    }
  }

  private CompletableFuture<JoinGroupResponse> addMember(
      ClassicGroup group, String memberId, JoinGroupRequest request, String clientId, String host) {
    GroupMember member = new GroupMember(memberId, request.groupInstanceId());
    member.update(request, clientId, host);
    if (group.members.isEmpty()) {
      group.protocolType = request.protocolType();
    }
    group.members.put(memberId, member);
    if (member.instanceId != null) {
      group.staticMembers.put(member.instanceId, memberId);
    }
    if (group.state == GroupState.PREPARING_REBALANCE) {
      return awaitJoin(group, member);
    }
    return rebalanceAndAwait(group, member);
  }

  /** A known static instance comes back with a new member id; the old id is fenced. */
  private CompletableFuture<JoinGroupResponse> replaceStatic(
      ClassicGroup group,
      String oldId,
      String newId,
      JoinGroupRequest request,
      short version,
      String clientId,
      String host) {
    GroupMember member = group.members.remove(oldId);
    complete(member.awaitingJoin, JoinGroupResponse.error(ErrorCode.FENCED_INSTANCE_ID, oldId));
    complete(member.awaitingSync, SyncGroupResponse.error(ErrorCode.FENCED_INSTANCE_ID));
    member.awaitingJoin = null;
    member.awaitingSync = null;
    member.memberId = newId;
    group.members.put(newId, member);
    group.staticMembers.put(member.instanceId, newId);
    boolean wasLeader = oldId.equals(group.leaderId);
    if (wasLeader) {
      group.leaderId = newId;
    }
    boolean same = member.sameProtocols(request);
    member.update(request, clientId, host);
    if (group.state == GroupState.STABLE && same) {
      resetSession(group, member);
      if (!wasLeader) {
        return CompletableFuture.completedFuture(joinAnswer(group, member, group.leaderId));
      }
      if (version >= 9) {
        JoinGroupResponse leader = joinAnswer(group, member, newId);
        return CompletableFuture.completedFuture(
            new JoinGroupResponse(
                0,
                leader.errorCode(),
                leader.generationId(),
                leader.protocolType(),
                leader.protocolName(),
                newId,
                true,
                newId,
                leader.members()));
      }
      // v5–8: name the old id as leader so that the member does not compute a new assignment
      return CompletableFuture.completedFuture(joinAnswer(group, member, oldId));
    }
    if (group.state == GroupState.PREPARING_REBALANCE) {
      return awaitJoin(group, member);
    }
    return rebalanceAndAwait(group, member);
  }

  private CompletableFuture<JoinGroupResponse> rebalanceAndAwait(
      ClassicGroup group, GroupMember member) {
    CompletableFuture<JoinGroupResponse> future = newJoinFuture(member);
    prepareRebalance(group);
    tryCompleteJoin(group);
    return future;
  }

  private CompletableFuture<JoinGroupResponse> awaitJoin(ClassicGroup group, GroupMember member) {
    CompletableFuture<JoinGroupResponse> future = newJoinFuture(member);
    tryCompleteJoin(group);
    return future;
  }

  private static CompletableFuture<JoinGroupResponse> newJoinFuture(GroupMember member) {
    complete(
        member.awaitingJoin,
        JoinGroupResponse.error(ErrorCode.REBALANCE_IN_PROGRESS, member.memberId));
    member.awaitingJoin = new CompletableFuture<>();
    return member.awaitingJoin;
  }

  /** The current generation as {@code member} sees it (members listed for the leader only). */
  private static JoinGroupResponse joinAnswer(
      ClassicGroup group, GroupMember member, String leaderToName) {
    List<JoinGroupResponse.Member> members = new ArrayList<>();
    if (member.memberId.equals(leaderToName)) {
      for (GroupMember m : group.members.values()) {
        members.add(
            new JoinGroupResponse.Member(m.memberId, m.instanceId, m.metadata(group.protocolName)));
      }
    }
    return new JoinGroupResponse(
        0,
        ErrorCode.NONE.code(),
        group.generation,
        group.protocolType,
        group.protocolName,
        leaderToName,
        false,
        member.memberId,
        members);
  }

  private boolean isFull(ClassicGroup group) {
    return group.members.size() + group.pending.size() >= config.maxSize();
  }

  // ---- rebalance ----

  private void prepareRebalance(ClassicGroup group) {
    if (group.state == GroupState.COMPLETING_REBALANCE) {
      for (GroupMember m : group.members.values()) {
        complete(m.awaitingSync, SyncGroupResponse.error(ErrorCode.REBALANCE_IN_PROGRESS));
        m.awaitingSync = null;
      }
    }
    boolean initial = group.state == GroupState.EMPTY;
    group.state = GroupState.PREPARING_REBALANCE;
    long token = ++group.rebalanceToken;
    int rebalanceTimeout = group.maxRebalanceTimeoutMs();
    if (initial && config.initialRebalanceDelayMs() > 0) {
      long delay = Math.min(config.initialRebalanceDelayMs(), rebalanceTimeout);
      group.initialDelayActive = true;
      group.initialDelayRemainingMs = rebalanceTimeout - delay;
      group.membersAtDelayStart = group.members.size();
      scheduler.schedule(() -> onInitialDelay(group, token), delay);
    } else {
      group.initialDelayActive = false;
      scheduler.schedule(() -> onRebalanceTimeout(group, token), rebalanceTimeout);
    }
  }

  private void onInitialDelay(ClassicGroup group, long token) {
    synchronized (group) {
      if (group.rebalanceToken != token || group.state != GroupState.PREPARING_REBALANCE) {
        return;
      }
      if (group.members.size() > group.membersAtDelayStart && group.initialDelayRemainingMs > 0) {
        // more members arrived: wait another delay, within the rebalance timeout
        long delay = Math.min(config.initialRebalanceDelayMs(), group.initialDelayRemainingMs);
        group.initialDelayRemainingMs -= delay;
        group.membersAtDelayStart = group.members.size();
        scheduler.schedule(() -> onInitialDelay(group, token), delay);
        return;
      }
      group.initialDelayActive = false;
      completeJoin(group);
    }
  }

  private void onRebalanceTimeout(ClassicGroup group, long token) {
    synchronized (group) {
      if (group.rebalanceToken == token && group.state == GroupState.PREPARING_REBALANCE) {
        completeJoin(group);
      }
    }
  }

  private void tryCompleteJoin(ClassicGroup group) {
    if (group.state == GroupState.PREPARING_REBALANCE
        && !group.initialDelayActive
        && group.allMembersJoined()) {
      completeJoin(group);
    }
  }

  /** Ends the join phase: drops members that did not rejoin and answers everyone who did. */
  private void completeJoin(ClassicGroup group) {
    long token = ++group.rebalanceToken;
    for (GroupMember m : group.memberList()) {
      if (m.awaitingJoin == null) {
        removeMember(group, m);
      }
    }
    group.generation++;
    if (group.members.isEmpty()) {
      toEmpty(group);
      return;
    }
    group.protocolName = group.selectProtocol();
    if (group.leaderId == null || !group.members.containsKey(group.leaderId)) {
      group.leaderId = group.members.keySet().iterator().next();
    }
    group.state = GroupState.COMPLETING_REBALANCE;
    for (GroupMember m : group.members.values()) {
      m.resetAssignment();
      CompletableFuture<JoinGroupResponse> future = m.awaitingJoin;
      m.awaitingJoin = null;
      resetSession(group, m);
      future.complete(joinAnswer(group, m, group.leaderId));
    }
    int generation = group.generation;
    scheduler.schedule(
        () -> onSyncTimeout(group, token, generation), group.maxRebalanceTimeoutMs());
  }

  /** Members that never sent SyncGroup within the rebalance timeout are removed. */
  private void onSyncTimeout(ClassicGroup group, long token, int generation) {
    synchronized (group) {
      if (group.rebalanceToken != token
          || group.state != GroupState.COMPLETING_REBALANCE
          || group.generation != generation) {
        return;
      }
      for (GroupMember m : group.memberList()) {
        if (m.awaitingSync == null) {
          removeMember(group, m);
        }
      }
      membershipChanged(group);
    }
  }

  private void toEmpty(ClassicGroup group) {
    group.rebalanceToken++;
    group.state = GroupState.EMPTY;
    group.protocolName = null;
    group.leaderId = null;
    group.initialDelayActive = false;
  }

  /** After members were removed: rebalance what is left, or become Empty. */
  private void membershipChanged(ClassicGroup group) {
    if (group.members.isEmpty()) {
      if (group.state != GroupState.EMPTY) {
        for (GroupMember m : group.members.values()) {
          complete(m.awaitingSync, SyncGroupResponse.error(ErrorCode.REBALANCE_IN_PROGRESS));
        }
        group.generation++;
        toEmpty(group);
      }
      return;
    }
    switch (group.state) {
      case STABLE, COMPLETING_REBALANCE -> {
        prepareRebalance(group);
        tryCompleteJoin(group);
      }
      case PREPARING_REBALANCE -> tryCompleteJoin(group);
      default -> {}
    }
  }

  private void removeMember(ClassicGroup group, GroupMember member) {
    group.members.remove(member.memberId);
    if (member.instanceId != null
        && member.memberId.equals(group.staticMembers.get(member.instanceId))) {
      group.staticMembers.remove(member.instanceId);
    }
    member.sessionToken++;
    member.cancelSession.run();
    complete(
        member.awaitingJoin, JoinGroupResponse.error(ErrorCode.UNKNOWN_MEMBER_ID, member.memberId));
    complete(member.awaitingSync, SyncGroupResponse.error(ErrorCode.UNKNOWN_MEMBER_ID));
    member.awaitingJoin = null;
    member.awaitingSync = null;
  }

  // ---- session timers ----

  private void resetSession(ClassicGroup group, GroupMember member) {
    member.cancelSession.run();
    long token = ++member.sessionToken;
    member.cancelSession =
        scheduler.schedule(() -> onSessionExpired(group, member, token), member.sessionTimeoutMs);
  }

  private void onSessionExpired(ClassicGroup group, GroupMember member, long token) {
    synchronized (group) {
      if (member.sessionToken != token || group.members.get(member.memberId) != member) {
        return;
      }
      if (member.awaitingJoin != null || member.awaitingSync != null) {
        resetSession(group, member); // waiting on the coordinator, not silent
        return;
      }
      removeMember(group, member);
      membershipChanged(group);
    }
  }

  private void expirePending(ClassicGroup group, String memberId) {
    synchronized (group) {
      if (group.pending.remove(memberId)) {
        tryCompleteJoin(group);
      }
    }
  }

  // ---- SyncGroup ----

  /** Handles a SyncGroup; followers wait for the leader's. */
  public CompletableFuture<SyncGroupResponse> sync(SyncGroupRequest request) {
    ClassicGroup group = groups.get(request.groupId());
    if (group == null) {
      return syncError(ErrorCode.UNKNOWN_MEMBER_ID);
    }
    synchronized (group) {
      GroupMember member = group.members.get(request.memberId());
      ErrorCode error =
          memberError(
              group, member, request.memberId(), request.groupInstanceId(), request.generationId());
      if (error == ErrorCode.NONE
          && ((request.protocolType() != null && !request.protocolType().equals(group.protocolType))
              || (request.protocolName() != null
                  && !request.protocolName().equals(group.protocolName)))) {
        error = ErrorCode.INCONSISTENT_GROUP_PROTOCOL;
      }
      if (error != ErrorCode.NONE) {
        return syncError(error);
      }
      switch (group.state) {
        case PREPARING_REBALANCE:
          return syncError(ErrorCode.REBALANCE_IN_PROGRESS);
        case STABLE:
          resetSession(group, member);
          return CompletableFuture.completedFuture(syncAnswer(group, member));
        case COMPLETING_REBALANCE:
          return awaitSync(group, member, request);
        default:
          return syncError(ErrorCode.UNKNOWN_MEMBER_ID);
      }
    }
  }

  private CompletableFuture<SyncGroupResponse> awaitSync(
      ClassicGroup group, GroupMember member, SyncGroupRequest request) {
    complete(member.awaitingSync, SyncGroupResponse.error(ErrorCode.REBALANCE_IN_PROGRESS));
    CompletableFuture<SyncGroupResponse> future = new CompletableFuture<>();
    member.awaitingSync = future;
    resetSession(group, member);
    if (member.memberId.equals(group.leaderId)) {
      Map<String, byte[]> assignments = new HashMap<>();
      request.assignments().forEach(a -> assignments.put(a.memberId(), a.assignment()));
      group.state = GroupState.STABLE;
      group.rebalanceToken++;
      for (GroupMember m : group.members.values()) {
        m.assignment = assignments.getOrDefault(m.memberId, GroupMember.empty());
        if (m.awaitingSync != null) {
          m.awaitingSync.complete(syncAnswer(group, m));
          m.awaitingSync = null;
        }
      }
    }
    return future;
  }

  private static SyncGroupResponse syncAnswer(ClassicGroup group, GroupMember member) {
    return new SyncGroupResponse(
        0, ErrorCode.NONE.code(), group.protocolType, group.protocolName, member.assignment);
  }

  // ---- Heartbeat ----

  /** Handles a Heartbeat: the error code to answer. */
  public ErrorCode heartbeat(HeartbeatRequest request) {
    ClassicGroup group = groups.get(request.groupId());
    if (group == null) {
      return ErrorCode.UNKNOWN_MEMBER_ID;
    }
    synchronized (group) {
      GroupMember member = group.members.get(request.memberId());
      ErrorCode error =
          memberError(
              group, member, request.memberId(), request.groupInstanceId(), request.generationId());
      if (error != ErrorCode.NONE) {
        return error;
      }
      switch (group.state) {
        case PREPARING_REBALANCE:
          resetSession(group, member);
          return ErrorCode.REBALANCE_IN_PROGRESS;
        case COMPLETING_REBALANCE, STABLE:
          resetSession(group, member);
          return ErrorCode.NONE;
        default:
          return ErrorCode.UNKNOWN_MEMBER_ID;
      }
    }
  }

  /** The checks shared by SyncGroup, Heartbeat and OffsetCommit, in Kafka's order. */
  private static ErrorCode memberError(
      ClassicGroup group, GroupMember member, String memberId, String instanceId, int generation) {
    if (group.state == GroupState.DEAD) {
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    }
    if (group.isFenced(memberId, instanceId)) {
      return ErrorCode.FENCED_INSTANCE_ID;
    }
    if (member == null) {
      return ErrorCode.UNKNOWN_MEMBER_ID;
    }
    if (!Objects.equals(member.instanceId, instanceId)) {
      return ErrorCode.FENCED_INSTANCE_ID;
    }
    if (generation != group.generation) {
      return ErrorCode.ILLEGAL_GENERATION;
    }
    return ErrorCode.NONE;
  }

  // ---- LeaveGroup ----

  /** Handles a LeaveGroup (one or several members). */
  public LeaveGroupResponse leave(LeaveGroupRequest request) {
    ClassicGroup group = groups.get(request.groupId());
    List<LeaveGroupResponse.MemberResult> results = new ArrayList<>();
    if (group == null) {
      for (LeaveGroupRequest.Member m : request.members()) {
        results.add(
            new LeaveGroupResponse.MemberResult(
                m.memberId(), m.groupInstanceId(), ErrorCode.UNKNOWN_MEMBER_ID.code()));
      }
      return new LeaveGroupResponse(0, ErrorCode.UNKNOWN_MEMBER_ID.code(), results);
    }
    synchronized (group) {
      boolean removed = false;
      for (LeaveGroupRequest.Member m : request.members()) {
        ErrorCode error = leaveOne(group, m);
        removed |= error == ErrorCode.NONE;
        results.add(
            new LeaveGroupResponse.MemberResult(m.memberId(), m.groupInstanceId(), error.code()));
      }
      if (removed) {
        membershipChanged(group);
      }
    }
    short top = results.size() == 1 ? results.get(0).errorCode() : ErrorCode.NONE.code();
    return new LeaveGroupResponse(0, top, results);
  }

  private ErrorCode leaveOne(ClassicGroup group, LeaveGroupRequest.Member leaving) {
    String memberId = leaving.memberId();
    if (memberId.isEmpty() && leaving.groupInstanceId() != null) {
      memberId = group.staticMembers.get(leaving.groupInstanceId());
      if (memberId == null) {
        return ErrorCode.UNKNOWN_MEMBER_ID;
      }
    }
    if (group.pending.remove(memberId)) {
      return ErrorCode.NONE;
    }
    if (group.isFenced(memberId, leaving.groupInstanceId())) {
      return ErrorCode.FENCED_INSTANCE_ID;
    }
    GroupMember member = group.members.get(memberId);
    if (member == null) {
      return ErrorCode.UNKNOWN_MEMBER_ID;
    }
    if (leaving.groupInstanceId() != null && !leaving.groupInstanceId().equals(member.instanceId)) {
      return ErrorCode.FENCED_INSTANCE_ID;
    }
    removeMember(group, member);
    return ErrorCode.NONE;
  }

  // ---- for offsets and admin ----

  /**
   * Whether an OffsetCommit with these member fields may commit (reference §3.8): a simple commit
   * (generation &lt; 0, no member) needs an empty or unknown group; otherwise member, instance and
   * generation must match and the group must not be completing a rebalance.
   */
  public ErrorCode validateCommit(
      String groupId, int generation, String memberId, String instanceId, short version) {
    ClassicGroup group = groups.get(groupId);
    if (group == null) {
      if (generation < 0) {
        return ErrorCode.NONE;
      }
      return version >= 9 ? ErrorCode.GROUP_ID_NOT_FOUND : ErrorCode.ILLEGAL_GENERATION;
    }
    synchronized (group) {
      if (group.state == GroupState.DEAD) {
        return generation < 0 ? ErrorCode.NONE : ErrorCode.COORDINATOR_NOT_AVAILABLE;
      }
      if (generation < 0 && memberId.isEmpty() && instanceId == null) {
        return group.members.isEmpty() ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
      }
      GroupMember member = group.members.get(memberId);
      ErrorCode error = memberError(group, member, memberId, instanceId, generation);
      if (error != ErrorCode.NONE) {
        return error;
      }
      if (group.state == GroupState.COMPLETING_REBALANCE) {
        return ErrorCode.REBALANCE_IN_PROGRESS;
      }
      resetSession(group, member);
      return ErrorCode.NONE;
    }
  }

  /** A consistent snapshot of a group, if the coordinator knows it. */
  public Optional<GroupSnapshot> snapshot(String groupId) {
    ClassicGroup group = groups.get(groupId);
    if (group == null) {
      return Optional.empty();
    }
    synchronized (group) {
      if (group.state == GroupState.DEAD) {
        return Optional.empty();
      }
      return Optional.of(GroupSnapshot.of(group));
    }
  }

  /** Snapshots of every live group. */
  public List<GroupSnapshot> snapshots() {
    List<GroupSnapshot> all = new ArrayList<>();
    for (String id : Set.copyOf(groups.keySet())) {
      snapshot(id).ifPresent(all::add);
    }
    return all;
  }

  /**
   * Deletes a group's membership state if it has no members; {@code onDeleted} runs under the
   * group's monitor (so no member can join in between) when it is deleted.
   *
   * @return NONE, NON_EMPTY_GROUP, or GROUP_ID_NOT_FOUND when the coordinator does not know it
   */
  public ErrorCode delete(String groupId, Function<String, ErrorCode> onDeleted) {
    ClassicGroup group = groups.get(groupId);
    if (group == null) {
      return onDeleted.apply(groupId);
    }
    synchronized (group) {
      if (!group.members.isEmpty() || !group.pending.isEmpty()) {
        return ErrorCode.NON_EMPTY_GROUP;
      }
      group.state = GroupState.DEAD;
      group.rebalanceToken++;
      groups.remove(groupId, group);
      onDeleted.apply(groupId);
      return ErrorCode.NONE;
    }
  }

  // ---- helpers ----

  private static <T> void complete(CompletableFuture<T> future, T value) {
    if (future != null) {
      future.complete(value);
    }
  }

  private static CompletableFuture<JoinGroupResponse> joinError(ErrorCode error, String memberId) {
    return CompletableFuture.completedFuture(JoinGroupResponse.error(error, memberId));
  }

  private static CompletableFuture<SyncGroupResponse> syncError(ErrorCode error) {
    return CompletableFuture.completedFuture(SyncGroupResponse.error(error));
  }
}
