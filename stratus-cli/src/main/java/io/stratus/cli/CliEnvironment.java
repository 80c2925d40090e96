package io.stratus.cli;

import io.stratus.cli.wait.Sleeper;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from the world around them, gathered in one place so that tests can supply
 * their own: environment variables, time, and what kind of stream stderr is.
 *
 * @param variables the process environment ({@code STRATUS_API_URL}, {@code STRATUS_API_KEY}, ...)
 * @param clock the time source for deadlines and elapsed times
 * @param sleeper how to wait between polls
 * @param stderrIsTerminal whether stderr is an interactive terminal, where progress lines may
 *     rewrite themselves
 * @param unicode whether the output encoding can show non-ASCII symbols (spinner, dashes)
 */
public record CliEnvironment(
    Map<String, String> variables,
    Clock clock,
    Sleeper sleeper,
    boolean stderrIsTerminal,
    boolean unicode) {

  /**
   * Set by the {@code ./stratus} launcher, which can test whether stderr is a terminal; a JVM
   * cannot.
   */
  static final String STDERR_TERMINAL_PROPERTY = "stratus.stderrIsTerminal";

  public CliEnvironment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The environment of this process. */
  public static CliEnvironment system() {
    String terminal = System.getProperty(STDERR_TERMINAL_PROPERTY);
    boolean stderrIsTerminal =
        terminal != null ? Boolean.parseBoolean(terminal) : System.console() != null;
    return new CliEnvironment(
        System.getenv(),
        Clock.systemUTC(),
        Sleeper.system(),
        stderrIsTerminal,
        Charset.defaultCharset().newEncoder().canEncode("⠋—"));
  }
}
