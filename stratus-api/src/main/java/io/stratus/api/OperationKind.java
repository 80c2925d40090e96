package io.stratus.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kind of lifecycle operation the data plane is carrying out on a cluster. */
public enum OperationKind {
  /** Every node restarted once, one at a time, because the user asked for it. */
  RESTART,
  /**
   * Every node restarted once, one at a time, to apply broker configuration Kafka cannot change
   * live.
   */
  RECONFIGURE,
  /**
   * Every node restarted onto another Kafka version, one at a time, then the new metadata version
   * finalized.
   */
  UPGRADE,
  /** Brokers added, then filled by the balancer. */
  EXPAND,
  /** A broker emptied by the balancer, then stopped and unregistered. */
  SHRINK;

  /** The name used in JSON and on the command line: {@code restart}, {@code upgrade}, ... */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind with this wire name, if there is one. */
  public static Optional<OperationKind> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
  }

  @JsonCreator
  static OperationKind parse(String name) {
    return fromWireName(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown operation kind '"
                        + name
                        + "'; allowed: "
                        + Arrays.stream(values())
                            .map(OperationKind::wireName)
                            .collect(Collectors.joining(", "))));
  }
}
