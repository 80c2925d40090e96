package io.stratus.cli.cluster;

import io.stratus.api.BalancingMode;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a balancing mode by its wire name ({@code off}, {@code empty-broker}, ...). Stateless. */
final class BalancingModeConverter implements ITypeConverter<BalancingMode> {

  /** The text of option descriptions that take a mode. */
  static final String CHOICES =
      "off (only when asked), empty-broker (when brokers are added or removed),"
          + " any-uneven-load (also whenever the load is uneven)";

  @Override
  public BalancingMode convert(String value) {
    return BalancingMode.fromWireName(value.strip().toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "'"
                        + value
                        + "' is not a balancing mode; allowed: "
                        + BalancingMode.allowedWireNames()));
  }
}
