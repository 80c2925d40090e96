package io.stratus.cli.output;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --output table|json} option of every client command. A picocli mixin. */
public final class OutputOptions {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private OutputFormat format;

  /** The chosen format. */
  public OutputFormat format() {
    return format;
  }

  /** A printer of answers in the chosen format to {@code out}. */
  public AnswerPrinter printer(PrintWriter out) {
    return new AnswerPrinter(out, format);
  }
}
