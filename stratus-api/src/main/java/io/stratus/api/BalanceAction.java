package io.stratus.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a user can ask the balancer of one cluster to do. */
public enum BalanceAction {
  /** A dry run: compute a plan and report it, change nothing. */
  PLAN,
  /** Compute a plan and carry it out now, whatever the balancing mode. */
  REBALANCE,
  /** Stop the plan being carried out; moves already done stay. */
  STOP;

  /**
   * The name used in JSON and on the command line: {@code plan}, {@code rebalance}, {@code stop}.
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action with this wire name, if there is one. */
  public static Optional<BalanceAction> fromWireName(String name) {
    return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
  }

  /** Every wire name, comma-separated, for messages that say what is allowed. */
  public static String allowedWireNames() {
    return Arrays.stream(values()).map(BalanceAction::wireName).collect(Collectors.joining(", "));
  }

  @JsonCreator
  static BalanceAction parse(String name) {
    return fromWireName(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown balance action '" + name + "'; allowed: " + allowedWireNames()));
  }
}
