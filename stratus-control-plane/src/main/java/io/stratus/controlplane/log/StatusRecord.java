package io.stratus.controlplane.log;

import io.stratus.api.StatusEvent;
import java.util.Objects;

/** One record of the status topic, as written by a data plane agent. */
public sealed interface StatusRecord {

  /** The topic key, {@link StatusEvent#resourceKey()}. */
  String key();

  /** An agent reported a cluster, or registered itself. */
  record Put(StatusEvent event) implements StatusRecord {
    public Put {
      Objects.requireNonNull(event, "event");
    }

    @Override
    public String key() {
      return event.resourceKey();
    }
  }

  /** A tombstone. Under a cluster's key it means the agent has removed that cluster completely. */
  record Tombstone(String key) implements StatusRecord {
    public Tombstone {
      Objects.requireNonNull(key, "key");
    }
  }
}
