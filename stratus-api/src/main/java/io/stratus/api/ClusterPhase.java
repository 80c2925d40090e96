package io.stratus.api;

/** Where a cluster is in its life, as reported by the data plane. */
public enum ClusterPhase {
  /** Asked for; brokers are being created and have not all become ready yet. */
  PROVISIONING,
  /** Every broker is running and the cluster matches its spec. */
  READY,
  /** Serving traffic while converging on a changed spec (scale, restart, upgrade). */
  UPDATING,
  /** Deletion was asked for; brokers are being stopped and data removed. */
  DELETING,
  /** The data plane cannot make progress without help; {@code message} says why. */
  FAILED
}
