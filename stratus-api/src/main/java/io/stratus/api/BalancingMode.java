package io.stratus.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When the data plane's balancer moves partitions of a cluster on its own. Whatever the mode, a
 * user may ask for a rebalance ({@link BalanceAction#REBALANCE}), and a broker being removed is
 * always drained first.
 */
public enum BalancingMode {
  /** Never on its own: partitions move only when a user asks for a rebalance. */
  OFF,
  /** When a broker is added (it starts empty) or is being removed (it must be emptied). */
  EMPTY_BROKER,
  /** As {@link #EMPTY_BROKER}, and also whenever the load over the brokers breaks a goal. */
  ANY_UNEVEN_LOAD;

  /** The mode of a cluster whose spec names none: users expect a balanced cluster unasked. */
  public static final BalancingMode DEFAULT = ANY_UNEVEN_LOAD;

  /** The name used in JSON and on the command line: {@code off}, {@code empty-broker}, ... */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The mode with this wire name, if there is one. */
  public static Optional<BalancingMode> fromWireName(String name) {
    return Arrays.stream(values()).filter(m -> m.wireName().equals(name)).findFirst();
  }

  /** Every wire name, comma-separated, for messages that say what is allowed. */
  public static String allowedWireNames() {
    return Arrays.stream(values()).map(BalancingMode::wireName).collect(Collectors.joining(", "));
  }

  @JsonCreator
  static BalancingMode parse(String name) {
    return fromWireName(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown balancing mode '" + name + "'; allowed: " + allowedWireNames()));
  }
}
