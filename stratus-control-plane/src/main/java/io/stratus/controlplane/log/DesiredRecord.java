package io.stratus.controlplane.log;

import io.stratus.api.DesiredEvent;
import java.util.Objects;

/** One record of the desired-state topic: the latest state of a resource, or its removal. */
public sealed interface DesiredRecord {

  /** The topic key, {@link DesiredEvent#resourceKey()}. */
  String key();

  /** The resource now has this desired state. */
  record Put(DesiredEvent event) implements DesiredRecord {
    public Put {
      Objects.requireNonNull(event, "event");
    }

    @Override
    public String key() {
      return event.resourceKey();
    }
  }

  /** The resource is gone (a tombstone, written as a null value). */
  record Tombstone(String key) implements DesiredRecord {
    public Tombstone {
      Objects.requireNonNull(key, "key");
    }
  }
}
