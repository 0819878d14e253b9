package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.DescribeGroupsCodec;
import io.duetmq.protocol.kafka.codec.DescribeGroupsRequest;
import io.duetmq.protocol.kafka.codec.DescribeGroupsResponse;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.group.CommittedOffsets;
import io.duetmq.protocol.kafka.group.GroupCoordinator;
import io.duetmq.protocol.kafka.group.GroupSnapshot;
import io.duetmq.protocol.kafka.group.GroupState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * DescribeGroups (key 15), v0–6 (reference §3.9). Member metadata and assignments only in Stable. A
 * group known only by its offsets is Empty; an unknown group is Dead (v6: GROUP_ID_NOT_FOUND).
 * Member hosts are not tracked and are reported as "". Thread-safe.
 */
public final class DescribeGroupsHandler implements KafkaRequestHandler {
  private static final byte[] EMPTY = new byte[0];

  private final GroupCoordinator coordinator;
  private final CommittedOffsets offsets;

  public DescribeGroupsHandler(GroupCoordinator coordinator, CommittedOffsets offsets) {
    this.coordinator = coordinator;
    this.offsets = offsets;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.DESCRIBE_GROUPS.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    short version = request.apiVersion();
    DescribeGroupsRequest decoded = DescribeGroupsCodec.decodeRequest(request.reader(), version);
    List<DescribeGroupsResponse.Group> groups = new ArrayList<>();
    for (String id : decoded.groups()) {
      groups.add(describe(id, version));
    }
    DescribeGroupsResponse response = new DescribeGroupsResponse(0, groups);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> DescribeGroupsCodec.encodeResponse(w, response, v)));
  }

  private DescribeGroupsResponse.Group describe(String id, short version) {
    int ops = DescribeGroupsResponse.NO_OPERATIONS;
    Optional<GroupSnapshot> found = coordinator.snapshot(id);
    if (found.isEmpty()) {
      if (offsets.hasOffsets(id)) {
        return new DescribeGroupsResponse.Group(
            ErrorCode.NONE.code(), null, id, GroupState.EMPTY.wireName(), "", "", List.of(), ops);
      }
      ErrorCode error = version >= 6 ? ErrorCode.GROUP_ID_NOT_FOUND : ErrorCode.NONE;
      return new DescribeGroupsResponse.Group(
          error.code(),
          version >= 6 ? "Group " + id + " not found." : null,
          id,
          GroupState.DEAD.wireName(),
          "",
          "",
          List.of(),
          ops);
    }
    GroupSnapshot group = found.get();
    boolean stable = group.state() == GroupState.STABLE;
    List<DescribeGroupsResponse.Member> members = new ArrayList<>();
    for (GroupSnapshot.Member m : group.members()) {
      members.add(
          new DescribeGroupsResponse.Member(
              m.memberId(),
              m.instanceId(),
              m.clientId(),
              m.clientHost(),
              stable ? m.metadata() : EMPTY,
              stable ? m.assignment() : EMPTY));
    }
    return new DescribeGroupsResponse.Group(
        ErrorCode.NONE.code(),
        null,
        id,
        group.state().wireName(),
        group.protocolType(),
        stable && group.protocolName() != null ? group.protocolName() : "",
        members,
        ops);
  }
}
