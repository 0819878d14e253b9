package io.duetmq.protocol.kafka.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.HeartbeatRequest;
import io.duetmq.protocol.kafka.codec.JoinGroupRequest;
import io.duetmq.protocol.kafka.codec.JoinGroupResponse;
import io.duetmq.protocol.kafka.codec.LeaveGroupRequest;
import io.duetmq.protocol.kafka.codec.SyncGroupRequest;
import io.duetmq.protocol.kafka.codec.SyncGroupResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The classic state machine driven by hand: no threads, no sleeping. */
@Timeout(20)
class GroupCoordinatorTest {
  private static final int SESSION = 1_000;
  private static final int REBALANCE = 5_000;
  private static final short V = 9;

  private final ManualGroupScheduler time = new ManualGroupScheduler();
  private final GroupCoordinator coordinator =
      new GroupCoordinator(new GroupConfig(100, 100, 60_000, 10, 4096), time);

  private static JoinGroupRequest join(String memberId, String instanceId, String... protocols) {
    List<JoinGroupRequest.Protocol> list =
        java.util.Arrays.stream(protocols)
            .map(p -> new JoinGroupRequest.Protocol(p, p.getBytes()))
            .toList();
    return new JoinGroupRequest(
        "g", SESSION, REBALANCE, memberId, instanceId, "consumer", list, null);
  }

  /** The MEMBER_ID_REQUIRED dance, then the join proper. */
  private CompletableFuture<JoinGroupResponse> joinNew(String... protocols) {
    JoinGroupResponse first = coordinator.join(join("", null, protocols), V, "c", "").join();
    assertThat(first.errorCode()).isEqualTo(ErrorCode.MEMBER_ID_REQUIRED.code());
    assertThat(first.memberId()).startsWith("c-");
    return coordinator.join(join(first.memberId(), null, protocols), V, "c", "");
  }

  private SyncGroupResponse sync(JoinGroupResponse joined, List<SyncGroupRequest.Assignment> a) {
    return sync(joined, null, a);
  }

  private SyncGroupResponse sync(
      JoinGroupResponse joined, String instanceId, List<SyncGroupRequest.Assignment> a) {
    return coordinator
        .sync(
            new SyncGroupRequest(
                "g", joined.generationId(), joined.memberId(), instanceId, null, null, a))
        .join();
  }

  private ErrorCode heartbeat(JoinGroupResponse joined) {
    return coordinator.heartbeat(
        new HeartbeatRequest("g", joined.generationId(), joined.memberId(), null));
  }

  @Test
  void shouldDelayTheFirstJoinVoteAProtocolAndSyncTheLeadersAssignment() {
    CompletableFuture<JoinGroupResponse> a = joinNew("range", "roundrobin");
    CompletableFuture<JoinGroupResponse> b = joinNew("roundrobin", "range");
    CompletableFuture<JoinGroupResponse> c = joinNew("roundrobin");
    assertThat(a).isNotDone();
    time.advance(100);
    time.advance(100); // the delay was extended once because members arrived during it
    JoinGroupResponse leader = a.join();
    assertThat(leader.generationId()).isEqualTo(1);
    assertThat(leader.protocolName()).isEqualTo("roundrobin");
    assertThat(leader.leader()).isEqualTo(leader.memberId());
    assertThat(leader.members()).hasSize(3);
    assertThat(b.join().members()).isEmpty();

    CompletableFuture<SyncGroupResponse> follower =
        coordinator.sync(
            new SyncGroupRequest("g", 1, b.join().memberId(), null, null, null, List.of()));
    assertThat(follower).isNotDone();
    SyncGroupResponse own =
        sync(
            leader,
            List.of(
                new SyncGroupRequest.Assignment(leader.memberId(), new byte[] {1}),
                new SyncGroupRequest.Assignment(b.join().memberId(), new byte[] {2})));
    assertThat(own.assignment()).containsExactly(1);
    assertThat(follower.join().assignment()).containsExactly(2);
    assertThat(sync(c.join(), List.of()).assignment()).isEmpty();
    assertThat(heartbeat(leader)).isEqualTo(ErrorCode.NONE);
    assertThat(coordinator.snapshot("g").orElseThrow().state()).isEqualTo(GroupState.STABLE);
  }

  @Test
  void shouldExpelAMemberThatStopsHeartbeatingAndRebalanceTheRest() {
    CompletableFuture<JoinGroupResponse> a = joinNew("range");
    CompletableFuture<JoinGroupResponse> silent = joinNew("range");
    time.advance(200);
    sync(a.join(), List.of());
    sync(silent.join(), List.of());
    for (int i = 0; i < 2; i++) {
      time.advance(400);
      assertThat(heartbeat(a.join())).isEqualTo(ErrorCode.NONE);
    }
    time.advance(400);
    // the silent member's session has expired: a rebalance started without it
    assertThat(heartbeat(a.join())).isEqualTo(ErrorCode.REBALANCE_IN_PROGRESS);
    assertThat(heartbeat(silent.join())).isEqualTo(ErrorCode.UNKNOWN_MEMBER_ID);
    JoinGroupResponse rejoined =
        coordinator.join(join(a.join().memberId(), null, "range"), V, "c", "").join();
    assertThat(rejoined.generationId()).isEqualTo(2);
    assertThat(rejoined.members()).hasSize(1);
    assertThat(heartbeat(a.join())).isEqualTo(ErrorCode.ILLEGAL_GENERATION);
  }

  @Test
  void shouldForgetPendingMembersThatNeverComeBack() {
    JoinGroupResponse first = coordinator.join(join("", null, "range"), V, "c", "").join();
    time.advance(SESSION + 1);
    JoinGroupResponse late =
        coordinator.join(join(first.memberId(), null, "range"), V, "c", "").join();
    assertThat(late.errorCode()).isEqualTo(ErrorCode.UNKNOWN_MEMBER_ID.code());
  }

  @Test
  void shouldHandStaticMembersTheirAssignmentBackAndFenceTheOldId() {
    CompletableFuture<JoinGroupResponse> a = coordinator.join(join("", "ia", "range"), V, "c", "");
    CompletableFuture<JoinGroupResponse> b = coordinator.join(join("", "ib", "range"), V, "c", "");
    time.advance(200);
    JoinGroupResponse leader = a.join().leader().equals(a.join().memberId()) ? a.join() : b.join();
    JoinGroupResponse follower = leader == a.join() ? b.join() : a.join();
    String instance = follower == a.join() ? "ia" : "ib";
    String leaderInstance = follower == a.join() ? "ib" : "ia";
    sync(
        leader,
        leaderInstance,
        List.of(
            new SyncGroupRequest.Assignment(leader.memberId(), new byte[] {1}),
            new SyncGroupRequest.Assignment(follower.memberId(), new byte[] {2})));
    assertThat(sync(follower, instance, List.of()).assignment()).containsExactly(2);

    assertThat(coordinator.snapshot("g").orElseThrow().state()).isEqualTo(GroupState.STABLE);
    CompletableFuture<JoinGroupResponse> rejoin =
        coordinator.join(join("", instance, "range"), V, "c", "");
    assertThat(rejoin).isDone();
    JoinGroupResponse back = rejoin.join();
    assertThat(back.errorCode()).isZero();
    assertThat(back.generationId()).isEqualTo(1);
    assertThat(back.memberId()).isNotEqualTo(follower.memberId()).startsWith(instance + "-");
    SyncGroupResponse again =
        coordinator
            .sync(new SyncGroupRequest("g", 1, back.memberId(), instance, null, null, List.of()))
            .join();
    assertThat(again.assignment()).containsExactly(2);
    assertThat(coordinator.heartbeat(new HeartbeatRequest("g", 1, follower.memberId(), instance)))
        .isEqualTo(ErrorCode.FENCED_INSTANCE_ID);
    assertThat(coordinator.snapshot("g").orElseThrow().state()).isEqualTo(GroupState.STABLE);
  }

  @Test
  void shouldBecomeEmptyWhenTheLastMemberLeavesAndAcceptSimpleCommitsThen() {
    CompletableFuture<JoinGroupResponse> a = joinNew("range");
    time.advance(100);
    sync(a.join(), List.of());
    assertThat(coordinator.validateCommit("g", -1, "", null, (short) 9))
        .isEqualTo(ErrorCode.UNKNOWN_MEMBER_ID);
    assertThat(coordinator.validateCommit("g", 1, a.join().memberId(), null, (short) 9))
        .isEqualTo(ErrorCode.NONE);
    assertThat(coordinator.validateCommit("g", 7, a.join().memberId(), null, (short) 9))
        .isEqualTo(ErrorCode.ILLEGAL_GENERATION);
    var left =
        coordinator.leave(
            new LeaveGroupRequest(
                "g", List.of(new LeaveGroupRequest.Member(a.join().memberId(), null, null))));
    assertThat(left.members().get(0).errorCode()).isZero();
    GroupSnapshot empty = coordinator.snapshot("g").orElseThrow();
    assertThat(empty.state()).isEqualTo(GroupState.EMPTY);
    assertThat(empty.generation()).isEqualTo(2);
    assertThat(coordinator.validateCommit("g", -1, "", null, (short) 9)).isEqualTo(ErrorCode.NONE);
    assertThat(coordinator.validateCommit("other", 3, "m", null, (short) 9))
        .isEqualTo(ErrorCode.GROUP_ID_NOT_FOUND);
  }
}
