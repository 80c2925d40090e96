package io.stratus.cli.wait;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * The one line of progress a wait shows on stderr. On a terminal the line rewrites itself in place
 * ({@code \r}) with a spinner and the elapsed time; elsewhere (a log file, CI) a new line is
 * written only when the text changes. Not thread-safe.
 */
public final class ProgressLine {

  private static final String[] UNICODE_FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
  private static final String[] ASCII_FRAMES = {"|", "/", "-", "\\"};

  private final PrintWriter err;
  private final boolean terminal;
  private final boolean unicode;
  private int frame;
  private int shownWidth;
  private String lastText = "";

  /**
   * @param err where the line goes
   * @param terminal whether {@code err} is an interactive terminal
   * @param unicode whether {@code err} can show non-ASCII symbols
   */
  public ProgressLine(PrintWriter err, boolean terminal, boolean unicode) {
    this.err = err;
    this.terminal = terminal;
    this.unicode = unicode;
  }

  /** Shows {@code text}, which has been going on for {@code elapsed}. */
  public void show(String text, Duration elapsed) {
    String shown = unicode ? text : text.replace("—", "-");
    if (terminal) {
      String[] frames = unicode ? UNICODE_FRAMES : ASCII_FRAMES;
      String line =
          frames[frame++ % frames.length] + " " + shown + " (" + Durations.format(elapsed) + ")";
      // Blank out what is left of a longer previous line.
      err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
      shownWidth = line.length();
    } else if (!shown.equals(lastText)) {
      err.println(shown + " (" + Durations.format(elapsed) + ")");
    }
    lastText = shown;
    err.flush();
  }

  /** Ends the line, so that what is printed next starts on a line of its own. */
  public void finish() {
    if (terminal && shownWidth > 0) {
      err.println();
      err.flush();
    }
    shownWidth = 0;
  }
}
