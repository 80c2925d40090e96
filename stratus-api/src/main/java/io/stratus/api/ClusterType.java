package io.stratus.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of Kafka cluster a user can ask for. */
public enum ClusterType {
  /** Brokers that serve one tenant only; the user chooses how many. */
  DEDICATED;

  /** The name used in JSON and on the command line. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type with this wire name, if there is one. */
  public static Optional<ClusterType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
  }

  @JsonCreator
  static ClusterType parse(String name) {
    return fromWireName(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown cluster type '" + name + "'"));
  }
}
