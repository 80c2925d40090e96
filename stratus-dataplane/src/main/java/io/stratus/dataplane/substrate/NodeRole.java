package io.stratus.dataplane.substrate;

/** What a KRaft node does: serve clients, vote in the metadata quorum, or both. */
public enum NodeRole {
  BROKER,
  CONTROLLER
}
