package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * FindCoordinator request (key 10, v0–6, reference §3.6, Appendix A.7). v0–3 carry one key, which
 * the codec turns into a one-element {@link #keys()}.
 *
 * @param keyType 0 group, 1 transaction, 2 share group (v6); 0 for v0
 * @param keys the group or transactional ids
 */
public record FindCoordinatorRequest(byte keyType, List<String> keys) {
  public static final byte GROUP = 0;

  public FindCoordinatorRequest {
    keys = List.copyOf(keys);
  }
}
