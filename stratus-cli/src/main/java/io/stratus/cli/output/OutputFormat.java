package io.stratus.cli.output;

import java.util.Locale;

/** The forms a client command can print its answer in. */
public enum OutputFormat {
  /** Aligned columns and fields, for people. */
  TABLE,
  /** The API's JSON, pretty-printed, for scripts. */
  JSON;

  /** The lowercase name, as written on the command line. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
