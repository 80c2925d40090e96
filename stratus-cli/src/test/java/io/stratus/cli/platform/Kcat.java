package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kcat (librdkafka), the independent client the platform is checked with: SASL/SCRAM-SHA-512
 * against a tenant cluster's bootstrap address. Test support.
 */
final class Kcat {

  private final String bootstrap;
  private final String username;
  private final String password;
  private final Path workDirectory;

  Kcat(String bootstrap, String username, String password, Path workDirectory) {
    this.bootstrap = bootstrap;
    this.username = username;
    this.password = password;
    this.workDirectory = workDirectory;
  }

  /** The kcat to run: {@code $KCAT} if set (as {@code .ci/run} sets it), else the PATH's. */
  private static final String COMMAND =
      System.getenv("KCAT") == null || System.getenv("KCAT").isBlank()
          ? "kcat"
          : System.getenv("KCAT");

  /** Librdkafka before 2.6 fails SCRAM against Kafka 4 brokers. */
  private static final int[] MINIMUM_LIBRDKAFKA = {2, 6, 0};

  /**
   * Fails the test with install advice when kcat is missing or links a librdkafka too old for SCRAM
   * with Kafka 4 (which would otherwise look like a credentials problem).
   */
  static void requireUsable() throws IOException, InterruptedException {
    Process probe;
    try {
      probe = new ProcessBuilder(COMMAND, "-V").redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(
          "kcat is required by this test and '"
              + COMMAND
              + "' cannot be run: run .ci/kcat and set"
              + " KCAT to the path it prints");
    }
    String version = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Matcher librdkafka = Pattern.compile("librdkafka (\\d+\\.\\d+\\.\\d+)").matcher(version);
    assertThat(librdkafka.find()).as("kcat -V names its librdkafka: %s", version).isTrue();
    int[] found =
        Arrays.stream(librdkafka.group(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
    assertThat(Arrays.compare(found, MINIMUM_LIBRDKAFKA))
        .as(
            "%s links librdkafka %s; SCRAM with Kafka 4 brokers needs 2.6.0 or newer. Run .ci/kcat"
                + " and set KCAT to the path it prints",
            COMMAND, librdkafka.group(1))
        .isNotNegative();
  }

  /** Produces one record per line, acks=all, and returns once kcat has had every one acked. */
  void produce(String topic, List<String> lines) throws IOException, InterruptedException {
    Path input = Files.createTempFile(workDirectory, "kcat-in", ".txt");
    Files.write(input, lines, StandardCharsets.UTF_8);
    List<String> command = base();
    command.addAll(
        List.of(
            "-t",
            topic,
            "-P",
            "-X",
            "acks=all",
            "-X",
            "message.timeout.ms=30000",
            "-l",
            input.toString()));
    Files.delete(run(command, "produce"));
  }

  /** Consumes exactly {@code count} records of a topic from its beginning. */
  List<String> consume(String topic, int count) throws IOException, InterruptedException {
    Path out = consumeToFile(topic, count, "%s\\n");
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    Files.delete(out);
    return lines;
  }

  /**
   * Consumes exactly {@code count} records of a topic from its beginning into a file, one line each
   * as {@code format} says (kcat's {@code -f}), for checks too large to hold in memory.
   */
  Path consumeToFile(String topic, long count, String format)
      throws IOException, InterruptedException {
    List<String> command = base();
    command.addAll(
        List.of(
            "-t",
            topic,
            "-C",
            "-o",
            "beginning",
            "-c",
            String.valueOf(count),
            "-e",
            "-q",
            "-f",
            format));
    return run(command, "consume");
  }

  /**
   * Runs kcat to consume from the beginning for at most {@code timeout} and returns what it wrote
   * to stderr: librdkafka reports fetch errors there.
   */
  String consumeErrors(String topic, Duration timeout) throws IOException, InterruptedException {
    List<String> command = base();
    command.addAll(List.of("-t", topic, "-C", "-o", "beginning", "-c", "1", "-e"));
    Path err = Files.createTempFile(workDirectory, "kcat-err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    return Files.readString(err);
  }

  private List<String> base() {
    return new ArrayList<>(
        List.of(
            COMMAND,
            "-b",
            bootstrap,
            "-X",
            "security.protocol=SASL_PLAINTEXT",
            "-X",
            "sasl.mechanisms=SCRAM-SHA-512",
            "-X",
            "sasl.username=" + username,
            "-X",
            "sasl.password=" + password));
  }

  /** Runs kcat to completion and returns the file holding what it printed. */
  private Path run(List<String> command, String what) throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDirectory, "kcat-out", ".txt");
    Path err = Files.createTempFile(workDirectory, "kcat-err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    boolean exited = process.waitFor(5, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly();
    }
    assertThat(exited).as("kcat %s finished; stderr: %s", what, Files.readString(err)).isTrue();
    assertThat(process.exitValue())
        .as("kcat %s exit code; stderr: %s", what, Files.readString(err))
        .isZero();
    Files.delete(err);
    return out;
  }
}
