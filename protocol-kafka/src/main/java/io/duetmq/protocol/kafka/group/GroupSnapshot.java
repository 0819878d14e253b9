package io.duetmq.protocol.kafka.group;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable copy of a group's state (DescribeGroups, ListGroups, tests).
 *
 * @param protocolType "" when none
 * @param protocolName null unless a generation is running
 * @param leaderId null when no leader
 */
public record GroupSnapshot(
    String groupId,
    GroupState state,
    String protocolType,
    String protocolName,
    int generation,
    String leaderId,
    List<Member> members) {
  public GroupSnapshot {
    members = List.copyOf(members);
  }

  /**
   * One member.
   *
   * @param instanceId nullable
   * @param metadata the metadata for the chosen protocol (empty when none)
   * @param assignment empty unless Stable
   */
  public record Member(
      String memberId,
      String instanceId,
      String clientId,
      String clientHost,
      byte[] metadata,
      byte[] assignment) {}

  static GroupSnapshot of(ClassicGroup group) {
    List<Member> members = new ArrayList<>();
    for (GroupMember m : group.members.values()) {
      byte[] metadata = group.protocolName == null ? null : m.metadata(group.protocolName);
      members.add(
          new Member(
              m.memberId,
              m.instanceId,
              m.clientId == null ? "" : m.clientId,
              m.clientHost == null ? "" : m.clientHost,
              metadata == null ? GroupMember.empty() : metadata,
              m.assignment));
    }
    return new GroupSnapshot(
        group.groupId,
        group.state,
        group.protocolType == null ? "" : group.protocolType,
        group.protocolName,
        group.generation,
        group.leaderId,
        members);
  }
}
