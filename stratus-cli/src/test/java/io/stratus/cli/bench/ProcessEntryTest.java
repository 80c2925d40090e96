package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcessEntryTest {

  @Test
  void splitsTheCmdlineAtNulBytes() {
    byte[] cmdline = "java\0-cp\0/a b/lib/*\0kafka.Kafka\0".getBytes(StandardCharsets.UTF_8);

    assertThat(ProcessEntry.fromCmdline(42, cmdline).arguments())
        .containsExactly("java", "-cp", "/a b/lib/*", "kafka.Kafka");
  }

  @Test
  void keepsALastArgumentWithoutTerminatingNul() {
    byte[] cmdline = ("sleep" + "\0" + "100").getBytes(StandardCharsets.UTF_8);

    assertThat(ProcessEntry.fromCmdline(7, cmdline).arguments()).containsExactly("sleep", "100");
  }

  @Test
  void anEmptyCmdlineHasNoArguments() {
    assertThat(ProcessEntry.fromCmdline(2, new byte[0]).arguments())
        .as("kernel threads and zombies have an empty cmdline")
        .isEmpty();
  }
}
