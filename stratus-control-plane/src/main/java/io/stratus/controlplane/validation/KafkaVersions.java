package io.stratus.controlplane.validation;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Apache Kafka versions clusters may run, and the one they get when they ask for none.
 *
 * @param supported every version a cluster may ask for
 * @param defaultVersion the version of a cluster that asks for none; one of {@code supported}
 */
public record KafkaVersions(Set<String> supported, String defaultVersion) {

  public KafkaVersions {
    supported = Set.copyOf(supported);
    Objects.requireNonNull(defaultVersion, "defaultVersion");
    if (!supported.contains(defaultVersion)) {
      throw new IllegalArgumentException(
          "the default Kafka version " + defaultVersion + " is not among " + supported);
    }
  }

  /** Whether a cluster may run this version. */
  public boolean isSupported(String version) {
    return supported.contains(version);
  }

  /** The supported versions as a user reads them, sorted. */
  public String describe() {
    return String.join(", ", new TreeSet<>(supported));
  }
}
