package io.duetmq.protocol.kafka.codec;

/**
 * The {@code CurrentLeader} tagged struct of Produce (v10+) and Fetch (v12+) partition responses:
 * who leads the partition now, sent with {@code NOT_LEADER_OR_FOLLOWER} so the client can skip a
 * metadata round trip (reference §3.3, §3.4).
 *
 * @param leaderId -1 = unknown
 * @param leaderEpoch -1 = unknown
 */
public record LeaderIdAndEpoch(int leaderId, int leaderEpoch) {
  static void encode(KafkaWriter w, LeaderIdAndEpoch leader) {
    w.writeInt32(leader.leaderId()).writeInt32(leader.leaderEpoch()).writeEmptyTaggedFields();
  }
}
