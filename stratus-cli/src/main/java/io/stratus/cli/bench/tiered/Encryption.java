package io.stratus.cli.bench.tiered;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Whether tiered segments are encrypted, as {@code --encryption on|off} says. */
enum Encryption {
  ON,
  OFF;

  /** As written on the command line and in the JSON report: {@code on} or {@code off}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code on} or {@code off}, in any case, for picocli; anything else is a usage error. */
  static final class Converter implements ITypeConverter<Encryption> {

    @Override
    public Encryption convert(String value) {
      for (Encryption encryption : values()) {
        if (encryption.toString().equalsIgnoreCase(value.strip())) {
          return encryption;
        }
      }
      throw new TypeConversionException("expected on or off, got '" + value + "'");
    }
  }
}
