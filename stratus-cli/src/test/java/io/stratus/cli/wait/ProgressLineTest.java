package io.stratus.cli.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  private final StringWriter err = new StringWriter();

  @Test
  void onATerminalTheLineRewritesItselfAndIsFinishedWithANewline() {
    ProgressLine line = new ProgressLine(new PrintWriter(err), true, true);

    line.show("lkc-ab12cd PROVISIONING 0/3 brokers running — starting 3 brokers", Duration.ZERO);
    line.show("lkc-ab12cd READY 3/3 brokers running", Duration.ofSeconds(14));
    line.finish();

    String first = "⠋ lkc-ab12cd PROVISIONING 0/3 brokers running — starting 3 brokers (0s)";
    String second = "⠙ lkc-ab12cd READY 3/3 brokers running (14s)";
    assertThat(err.toString())
        .isEqualTo(
            "\r"
                + first
                + "\r"
                + second
                + " ".repeat(first.length() - second.length())
                + System.lineSeparator());
  }

  @Test
  void elsewhereALineIsWrittenOnlyWhenTheTextChanges() {
    ProgressLine line = new ProgressLine(new PrintWriter(err), false, true);

    line.show("lkc-ab12cd PROVISIONING 1/3 brokers running", Duration.ofSeconds(1));
    line.show("lkc-ab12cd PROVISIONING 1/3 brokers running", Duration.ofSeconds(2));
    line.show("lkc-ab12cd PROVISIONING 2/3 brokers running", Duration.ofSeconds(3));
    line.finish();

    assertThat(err.toString().lines())
        .containsExactly(
            "lkc-ab12cd PROVISIONING 1/3 brokers running (1s)",
            "lkc-ab12cd PROVISIONING 2/3 brokers running (3s)");
    assertThat(err.toString()).doesNotContain("\r");
  }

  @Test
  void withoutUnicodeOnlyAsciiIsWritten() {
    ProgressLine line = new ProgressLine(new PrintWriter(err), true, false);

    line.show("lkc-ab12cd UPDATING 2/3 brokers running — rolling broker 1", Duration.ZERO);

    assertThat(err.toString())
        .isEqualTo("\r| lkc-ab12cd UPDATING 2/3 brokers running - rolling broker 1 (0s)");
  }
}
