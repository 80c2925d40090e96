package io.stratus.dataplane.lifecycle;

import java.util.Map;

/**
 * The metadata quorum: who leads it and how far each voter is behind.
 *
 * @param leaderId the active controller
 * @param voters every voter, the leader included, by node id
 */
public record QuorumHealth(int leaderId, Map<Integer, VoterHealth> voters) {

  public QuorumHealth {
    voters = Map.copyOf(voters);
  }
}
