package io.duetmq.protocol.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.apache.kafka.common.message.DeleteGroupsRequestData;
import org.apache.kafka.common.message.DeleteGroupsResponseData;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.protocol.Readable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden round trips of the group codecs against kafka-clients 4.1's generated message classes:
 * every implemented version of each request written by kafka-clients decodes exactly; every
 * response we encode is read back by kafka-clients with the same values.
 */
class GroupCodecsKafkaCompatibilityTest {

  private static byte[] kafka(Message message, short version) {
    ByteBuffer buffer = MessageUtil.toByteBufferAccessor(message, version).buffer();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static <T> T parse(
      BiConsumer<KafkaWriter, Short> ours, short version, BiFunction<Readable, Short, T> reader) {
    byte[] bytes = Bytes.encode(w -> ours.accept(w, version));
    ByteBufferAccessor accessor = new ByteBufferAccessor(ByteBuffer.wrap(bytes));
    T parsed = reader.apply(accessor, version);
    assertThat(accessor.remaining()).as("unread bytes").isZero();
    return parsed;
  }

  static IntStream v0to6() {
    return IntStream.rangeClosed(0, 6);
  }

  static IntStream v0to9() {
    return IntStream.rangeClosed(0, 9);
  }

  static IntStream v0to5() {
    return IntStream.rangeClosed(0, 5);
  }

  static IntStream v0to4() {
    return IntStream.rangeClosed(0, 4);
  }

  static IntStream v0to2() {
    return IntStream.rangeClosed(0, 2);
  }

  static IntStream v2to9() {
    return IntStream.rangeClosed(2, 9);
  }

  static IntStream v1to9() {
    return IntStream.rangeClosed(1, 9);
  }

  @ParameterizedTest
  @MethodSource("v0to6")
  void shouldRoundTripFindCoordinator(int v) {
    short version = (short) v;
    var data = new FindCoordinatorRequestData();
    if (v <= 3) {
      data.setKey("g");
    } else {
      data.setCoordinatorKeys(List.of("g", "h"));
    }
    FindCoordinatorRequest request =
        KafkaWire.decodeFully(
            kafka(data, version), r -> FindCoordinatorCodec.decodeRequest(r, version));
    assertThat(request.keys()).isEqualTo(v <= 3 ? List.of("g") : List.of("g", "h"));
    assertThat(request.keyType()).isZero();

    var ours =
        new FindCoordinatorResponse(
            3,
            request.keys().stream()
                .map(
                    k ->
                        new FindCoordinatorResponse.Coordinator(
                            k, 7, "host", 9092, (short) 0, null))
                .toList());
    FindCoordinatorResponseData parsed =
        parse(
            (w, ver) -> FindCoordinatorCodec.encodeResponse(w, ours, ver),
            version,
            FindCoordinatorResponseData::new);
    if (v <= 3) {
      assertThat(parsed.nodeId()).isEqualTo(7);
      assertThat(parsed.host()).isEqualTo("host");
      assertThat(parsed.port()).isEqualTo(9092);
    } else {
      assertThat(parsed.coordinators()).hasSize(2);
      assertThat(parsed.coordinators().get(1).key()).isEqualTo("h");
      assertThat(parsed.coordinators().get(1).nodeId()).isEqualTo(7);
    }
  }

  @ParameterizedTest
  @MethodSource("v0to9")
  void shouldRoundTripJoinGroup(int v) {
    short version = (short) v;
    var protocols = new JoinGroupRequestData.JoinGroupRequestProtocolCollection();
    protocols.add(
        new JoinGroupRequestData.JoinGroupRequestProtocol()
            .setName("range")
            .setMetadata(new byte[] {1, 2}));
    var data =
        new JoinGroupRequestData()
            .setGroupId("g")
            .setSessionTimeoutMs(45_000)
            .setMemberId("m")
            .setProtocolType("consumer")
            .setProtocols(protocols);
    if (v >= 1) {
      data.setRebalanceTimeoutMs(300_000);
    }
    if (v >= 5) {
      data.setGroupInstanceId("i");
    }
    if (v >= 8) {
      data.setReason("why");
    }
    JoinGroupRequest request =
        KafkaWire.decodeFully(kafka(data, version), r -> JoinGroupCodec.decodeRequest(r, version));
    assertThat(request.groupId()).isEqualTo("g");
    assertThat(request.rebalanceTimeoutMs()).isEqualTo(v >= 1 ? 300_000 : 45_000);
    assertThat(request.groupInstanceId()).isEqualTo(v >= 5 ? "i" : null);
    assertThat(request.reason()).isEqualTo(v >= 8 ? "why" : null);
    assertThat(request.protocols().get(0).metadata()).containsExactly(1, 2);

    var ours =
        new JoinGroupResponse(
            0,
            (short) 0,
            4,
            "consumer",
            "range",
            "m",
            false,
            "m",
            List.of(new JoinGroupResponse.Member("m", v >= 5 ? "i" : null, new byte[] {3})));
    JoinGroupResponseData parsed =
        parse(
            (w, ver) -> JoinGroupCodec.encodeResponse(w, ours, ver),
            version,
            JoinGroupResponseData::new);
    assertThat(parsed.generationId()).isEqualTo(4);
    assertThat(parsed.protocolName()).isEqualTo("range");
    assertThat(parsed.leader()).isEqualTo("m");
    assertThat(parsed.members().get(0).metadata()).containsExactly(3);
    if (v >= 7) {
      assertThat(parsed.protocolType()).isEqualTo("consumer");
    }
    JoinGroupResponseData error =
        parse(
            (w, ver) ->
                JoinGroupCodec.encodeResponse(
                    w, JoinGroupResponse.error(ErrorCode.MEMBER_ID_REQUIRED, "new"), ver),
            version,
            JoinGroupResponseData::new);
    assertThat(error.errorCode()).isEqualTo(ErrorCode.MEMBER_ID_REQUIRED.code());
    assertThat(error.memberId()).isEqualTo("new");
  }

  @ParameterizedTest
  @MethodSource("v0to5")
  void shouldRoundTripSyncGroupAndLeaveGroup(int v) {
    short version = (short) v;
    var sync =
        new SyncGroupRequestData()
            .setGroupId("g")
            .setGenerationId(3)
            .setMemberId("m")
            .setAssignments(
                List.of(
                    new SyncGroupRequestData.SyncGroupRequestAssignment()
                        .setMemberId("m")
                        .setAssignment(new byte[] {9})));
    if (v >= 3) {
      sync.setGroupInstanceId("i");
    }
    if (v >= 5) {
      sync.setProtocolType("consumer").setProtocolName("range");
    }
    SyncGroupRequest request =
        KafkaWire.decodeFully(kafka(sync, version), r -> SyncGroupCodec.decodeRequest(r, version));
    assertThat(request.generationId()).isEqualTo(3);
    assertThat(request.groupInstanceId()).isEqualTo(v >= 3 ? "i" : null);
    assertThat(request.protocolName()).isEqualTo(v >= 5 ? "range" : null);
    assertThat(request.assignments().get(0).assignment()).containsExactly(9);
    var ours = new SyncGroupResponse(0, (short) 0, "consumer", "range", new byte[] {5, 6});
    SyncGroupResponseData parsed =
        parse(
            (w, ver) -> SyncGroupCodec.encodeResponse(w, ours, ver),
            version,
            SyncGroupResponseData::new);
    assertThat(parsed.assignment()).containsExactly(5, 6);
    if (v >= 5) {
      assertThat(parsed.protocolName()).isEqualTo("range");
    }

    var leave = new LeaveGroupRequestData().setGroupId("g");
    if (v <= 2) {
      leave.setMemberId("m");
    } else {
      leave.setMembers(
          List.of(
              new LeaveGroupRequestData.MemberIdentity().setMemberId("m"),
              new LeaveGroupRequestData.MemberIdentity().setMemberId("").setGroupInstanceId("i")));
    }
    LeaveGroupRequest leaving =
        KafkaWire.decodeFully(
            kafka(leave, version), r -> LeaveGroupCodec.decodeRequest(r, version));
    assertThat(leaving.members().get(0).memberId()).isEqualTo("m");
    assertThat(leaving.members()).hasSize(v <= 2 ? 1 : 2);
    var left =
        new LeaveGroupResponse(
            0, (short) 0, List.of(new LeaveGroupResponse.MemberResult("m", null, (short) 25)));
    LeaveGroupResponseData leftParsed =
        parse(
            (w, ver) -> LeaveGroupCodec.encodeResponse(w, left, ver),
            version,
            LeaveGroupResponseData::new);
    if (v >= 3) {
      assertThat(leftParsed.members().get(0).errorCode()).isEqualTo((short) 25);
    }
  }

  @ParameterizedTest
  @MethodSource("v0to4")
  void shouldRoundTripHeartbeat(int v) {
    short version = (short) v;
    var data = new HeartbeatRequestData().setGroupId("g").setGenerationId(2).setMemberId("m");
    if (v >= 3) {
      data.setGroupInstanceId("i");
    }
    HeartbeatRequest request =
        KafkaWire.decodeFully(kafka(data, version), r -> HeartbeatCodec.decodeRequest(r, version));
    assertThat(request).isEqualTo(new HeartbeatRequest("g", 2, "m", v >= 3 ? "i" : null));
    HeartbeatResponseData parsed =
        parse(
            (w, ver) -> HeartbeatCodec.encodeResponse(w, (short) 27, ver),
            version,
            HeartbeatResponseData::new);
    assertThat(parsed.errorCode()).isEqualTo((short) 27);
  }

  @ParameterizedTest
  @MethodSource("v2to9")
  void shouldRoundTripOffsetCommit(int v) {
    short version = (short) v;
    var partition =
        new OffsetCommitRequestData.OffsetCommitRequestPartition()
            .setPartitionIndex(3)
            .setCommittedOffset(42)
            .setCommittedMetadata("meta");
    if (v >= 6) {
      partition.setCommittedLeaderEpoch(5);
    }
    var data =
        new OffsetCommitRequestData()
            .setGroupId("g")
            .setGenerationIdOrMemberEpoch(1)
            .setMemberId("m")
            .setTopics(
                List.of(
                    new OffsetCommitRequestData.OffsetCommitRequestTopic()
                        .setName("T")
                        .setPartitions(List.of(partition))));
    if (v >= 7) {
      data.setGroupInstanceId("i");
    }
    OffsetCommitRequest request =
        KafkaWire.decodeFully(
            kafka(data, version), r -> OffsetCommitCodec.decodeRequest(r, version));
    assertThat(request.topics().get(0).partitions())
        .containsExactly(new OffsetCommitRequest.Partition(3, 42, v >= 6 ? 5 : -1, "meta"));
    var ours =
        new OffsetCommitResponse(
            0,
            List.of(
                new OffsetCommitResponse.Topic(
                    "T", List.of(new OffsetCommitResponse.Partition(3, (short) 22)))));
    OffsetCommitResponseData parsed =
        parse(
            (w, ver) -> OffsetCommitCodec.encodeResponse(w, ours, ver),
            version,
            OffsetCommitResponseData::new);
    assertThat(parsed.topics().get(0).partitions().get(0).errorCode()).isEqualTo((short) 22);
  }

  @ParameterizedTest
  @MethodSource("v1to9")
  void shouldRoundTripOffsetFetch(int v) {
    short version = (short) v;
    var data = new OffsetFetchRequestData();
    if (v <= 7) {
      data.setGroupId("g")
          .setTopics(
              List.of(
                  new OffsetFetchRequestData.OffsetFetchRequestTopic()
                      .setName("T")
                      .setPartitionIndexes(List.of(0, 1))));
    } else {
      data.setGroups(
          List.of(
              new OffsetFetchRequestData.OffsetFetchRequestGroup()
                  .setGroupId("g")
                  .setTopics(
                      List.of(
                          new OffsetFetchRequestData.OffsetFetchRequestTopics()
                              .setName("T")
                              .setPartitionIndexes(List.of(0, 1)))),
              new OffsetFetchRequestData.OffsetFetchRequestGroup()
                  .setGroupId("h")
                  .setTopics(null)));
    }
    OffsetFetchRequest request =
        KafkaWire.decodeFully(
            kafka(data, version), r -> OffsetFetchCodec.decodeRequest(r, version));
    assertThat(request.groups().get(0).topics().get(0).partitionIndexes()).containsExactly(0, 1);
    if (v >= 8) {
      assertThat(request.groups().get(1).topics()).isNull();
    }
    var ours =
        new OffsetFetchResponse(
            0,
            List.of(
                new OffsetFetchResponse.Group(
                    "g",
                    List.of(
                        new OffsetFetchResponse.Topic(
                            "T",
                            List.of(
                                new OffsetFetchResponse.Partition(0, 42, 5, "meta", (short) 0),
                                new OffsetFetchResponse.Partition(1, -1, -1, "", (short) 0)))),
                    (short) 0)));
    OffsetFetchResponseData parsed =
        parse(
            (w, ver) -> OffsetFetchCodec.encodeResponse(w, ours, ver),
            version,
            OffsetFetchResponseData::new);
    if (v <= 7) {
      var p = parsed.topics().get(0).partitions().get(0);
      assertThat(p.committedOffset()).isEqualTo(42);
      assertThat(p.metadata()).isEqualTo("meta");
      assertThat(p.committedLeaderEpoch()).isEqualTo(v >= 5 ? 5 : -1);
    } else {
      var p = parsed.groups().get(0).topics().get(0).partitions().get(1);
      assertThat(p.committedOffset()).isEqualTo(-1);
      assertThat(parsed.groups().get(0).groupId()).isEqualTo("g");
    }
  }

  @ParameterizedTest
  @MethodSource("v0to6")
  void shouldRoundTripListAndDescribeGroups(int v) {
    short version = (short) v;
    if (v <= 5) {
      var list = new ListGroupsRequestData();
      if (v >= 4) {
        list.setStatesFilter(List.of("Stable"));
      }
      if (v >= 5) {
        list.setTypesFilter(List.of("classic"));
      }
      ListGroupsRequest request =
          KafkaWire.decodeFully(
              kafka(list, version), r -> ListGroupsCodec.decodeRequest(r, version));
      assertThat(request.statesFilter()).isEqualTo(v >= 4 ? List.of("Stable") : List.of());
      var ours =
          new ListGroupsResponse(
              0,
              (short) 0,
              List.of(new ListGroupsResponse.Group("g", "consumer", "Stable", "classic")));
      ListGroupsResponseData parsed =
          parse(
              (w, ver) -> ListGroupsCodec.encodeResponse(w, ours, ver),
              version,
              ListGroupsResponseData::new);
      assertThat(parsed.groups().get(0).groupId()).isEqualTo("g");
      if (v >= 4) {
        assertThat(parsed.groups().get(0).groupState()).isEqualTo("Stable");
      }
    }
    var describe = new DescribeGroupsRequestData().setGroups(List.of("g"));
    if (v >= 3) {
      describe.setIncludeAuthorizedOperations(true);
    }
    DescribeGroupsRequest request =
        KafkaWire.decodeFully(
            kafka(describe, version), r -> DescribeGroupsCodec.decodeRequest(r, version));
    assertThat(request).isEqualTo(new DescribeGroupsRequest(List.of("g"), v >= 3));
    var ours =
        new DescribeGroupsResponse(
            0,
            List.of(
                new DescribeGroupsResponse.Group(
                    (short) 0,
                    null,
                    "g",
                    "Stable",
                    "consumer",
                    "range",
                    List.of(
                        new DescribeGroupsResponse.Member(
                            "m", null, "c", "/127.0.0.1", new byte[] {1}, new byte[] {2})),
                    DescribeGroupsResponse.NO_OPERATIONS)));
    DescribeGroupsResponseData parsed =
        parse(
            (w, ver) -> DescribeGroupsCodec.encodeResponse(w, ours, ver),
            version,
            DescribeGroupsResponseData::new);
    var group = parsed.groups().get(0);
    assertThat(group.groupState()).isEqualTo("Stable");
    assertThat(group.protocolData()).isEqualTo("range");
    assertThat(group.members().get(0).memberAssignment()).containsExactly(2);
  }

  @ParameterizedTest
  @MethodSource("v0to2")
  void shouldRoundTripDeleteGroupsAndOffsetDelete(int v) {
    short version = (short) v;
    var data = new DeleteGroupsRequestData().setGroupsNames(List.of("a", "b"));
    List<String> names =
        KafkaWire.decodeFully(
            kafka(data, version), r -> DeleteGroupsCodec.decodeRequest(r, version));
    assertThat(names).containsExactly("a", "b");
    DeleteGroupsResponseData parsed =
        parse(
            (w, ver) ->
                DeleteGroupsCodec.encodeResponse(
                    w, List.of(new DeleteGroupsCodec.Result("a", (short) 68)), ver),
            version,
            DeleteGroupsResponseData::new);
    assertThat(parsed.results().find("a").errorCode()).isEqualTo((short) 68);

    short zero = 0;
    var topics = new OffsetDeleteRequestData.OffsetDeleteRequestTopicCollection();
    topics.add(
        new OffsetDeleteRequestData.OffsetDeleteRequestTopic()
            .setName("T")
            .setPartitions(
                List.of(
                    new OffsetDeleteRequestData.OffsetDeleteRequestPartition()
                        .setPartitionIndex(4))));
    var delete = new OffsetDeleteRequestData().setGroupId("g").setTopics(topics);
    OffsetDeleteCodec.Request request =
        KafkaWire.decodeFully(kafka(delete, zero), r -> OffsetDeleteCodec.decodeRequest(r, zero));
    assertThat(request.topics().get(0).partitions()).containsExactly(4);
    OffsetDeleteResponseData deleted =
        parse(
            (w, ver) ->
                OffsetDeleteCodec.encodeResponse(
                    w,
                    (short) 0,
                    List.of(
                        new OffsetCommitResponse.Topic(
                            "T", List.of(new OffsetCommitResponse.Partition(4, (short) 86)))),
                    ver),
            zero,
            OffsetDeleteResponseData::new);
    assertThat(deleted.topics().find("T").partitions().find(4).errorCode()).isEqualTo((short) 86);
  }
}
