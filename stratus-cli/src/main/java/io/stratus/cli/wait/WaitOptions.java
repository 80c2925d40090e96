package io.stratus.cli.wait;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The {@code --wait} and {@code --timeout} options of commands that change a cluster. */
public final class WaitOptions {

  @Option(
      names = "--wait",
      description = "Wait until the data plane has done it, showing progress on stderr.")
  private boolean wait;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "How long --wait waits at most, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  /** Whether to wait. */
  public boolean enabled() {
    return wait;
  }

  /** How long to wait at most. */
  public Duration timeout() {
    return timeout;
  }

  /** Reads {@code --timeout} values with {@link Durations#parse}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse(value);
    }
  }
}
