package io.duetmq.protocol.kafka.codec;

import java.util.List;

/**
 * ListGroups request (key 16, v0–5, reference §3.9, Appendix A.14).
 *
 * @param statesFilter v4+; empty = all states
 * @param typesFilter v5+; empty = all types
 */
public record ListGroupsRequest(List<String> statesFilter, List<String> typesFilter) {
  public ListGroupsRequest {
    statesFilter = List.copyOf(statesFilter);
    typesFilter = List.copyOf(typesFilter);
  }
}
