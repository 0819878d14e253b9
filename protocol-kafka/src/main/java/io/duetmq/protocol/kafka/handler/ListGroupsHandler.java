package io.duetmq.protocol.kafka.handler;

import io.duetmq.protocol.kafka.codec.ApiKeys;
import io.duetmq.protocol.kafka.codec.ApiVersionRange;
import io.duetmq.protocol.kafka.codec.ErrorCode;
import io.duetmq.protocol.kafka.codec.ListGroupsCodec;
import io.duetmq.protocol.kafka.codec.ListGroupsRequest;
import io.duetmq.protocol.kafka.codec.ListGroupsResponse;
import io.duetmq.protocol.kafka.group.CommittedOffsets;
import io.duetmq.protocol.kafka.group.GroupCoordinator;
import io.duetmq.protocol.kafka.group.GroupSnapshot;
import io.duetmq.protocol.kafka.group.GroupState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * ListGroups (key 16), v0–5 (reference §3.9): the coordinator's groups plus groups that only have
 * committed offsets (simple Kafka groups and RocketMQ groups, which share the offset store), the
 * latter as Empty with protocol type "". Every group is of type "classic". Filters compare
 * case-insensitively. Thread-safe.
 */
public final class ListGroupsHandler implements KafkaRequestHandler {
  static final String GROUP_TYPE = "classic";

  private final GroupCoordinator coordinator;
  private final CommittedOffsets offsets;

  public ListGroupsHandler(GroupCoordinator coordinator, CommittedOffsets offsets) {
    this.coordinator = coordinator;
    this.offsets = offsets;
  }

  @Override
  public ApiVersionRange versions() {
    return ApiKeys.LIST_GROUPS.implemented();
  }

  @Override
  public CompletableFuture<KafkaResponse> handle(KafkaRequest request) {
    ListGroupsRequest decoded =
        ListGroupsCodec.decodeRequest(request.reader(), request.apiVersion());
    Map<String, ListGroupsResponse.Group> all = new TreeMap<>();
    for (String group : offsets.groups()) {
      all.put(group, listed(group, "", GroupState.EMPTY));
    }
    for (GroupSnapshot group : coordinator.snapshots()) {
      all.put(group.groupId(), listed(group.groupId(), group.protocolType(), group.state()));
    }
    List<ListGroupsResponse.Group> groups = new ArrayList<>();
    for (ListGroupsResponse.Group group : all.values()) {
      if (matches(decoded.statesFilter(), group.groupState())
          && matches(decoded.typesFilter(), group.groupType())) {
        groups.add(group);
      }
    }
    ListGroupsResponse response = new ListGroupsResponse(0, ErrorCode.NONE.code(), groups);
    return CompletableFuture.completedFuture(
        KafkaResponse.message((w, v) -> ListGroupsCodec.encodeResponse(w, response, v)));
  }

  private static ListGroupsResponse.Group listed(String id, String type, GroupState state) {
    return new ListGroupsResponse.Group(id, type, state.wireName(), GROUP_TYPE);
  }

  private static boolean matches(List<String> filter, String value) {
    if (filter.isEmpty()) {
      return true;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    return filter.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).equals(lower));
  }
}
