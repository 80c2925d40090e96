package io.stratus.controlplane.validation;

import io.stratus.api.KafkaVersionOrder;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Apache Kafka versions clusters may run, and the one they get when they ask for none.
 *
 * @param supported every version a cluster may ask for
 * @param defaultVersion the version of a cluster that asks for none; one of {@code supported}
 */
public record KafkaVersions(Set<String> supported, String defaultVersion) {

  /**
   * Versions from oldest to newest, compared part by part as numbers ({@code major.minor.patch}),
   * so that 4.10.0 is newer than 4.9.1. A missing part counts as 0; a part that is not a number
   * counts by its leading digits, so that {@code 4.4.0-rc1} ranks with 4.4.0.
   */
  public static final Comparator<String> OLDEST_FIRST = KafkaVersionOrder.OLDEST_FIRST;

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

  /** Whether {@code version} is older than {@code than}, by {@link #OLDEST_FIRST}. */
  public static boolean isOlder(String version, String than) {
    return KafkaVersionOrder.older(version, than);
  }

  /** The supported versions as a user reads them, oldest first. */
  public String describe() {
    return supported.stream().sorted(OLDEST_FIRST).collect(Collectors.joining(", "));
  }
}
