package io.stratus.cli.output;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The {@code --output table|json} option of every client command, and {@code --json}, its short
 * form for JSON. A picocli mixin.
 */
public final class OutputOptions {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private OutputFormat format;

  @Option(names = "--json", description = "Print the API's JSON: the same as --output json.")
  private boolean json;

  /** The chosen format. */
  public OutputFormat format() {
    return json ? OutputFormat.JSON : format;
  }

  /** A printer of answers in the chosen format to {@code out}. */
  public AnswerPrinter printer(PrintWriter out) {
    return new AnswerPrinter(out, format());
  }
}
