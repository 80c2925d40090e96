package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuMeterTest {

  private static final String STAT =
      "4242 (java kafka.Kafka) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1234 567 0 0 20 0 90 0"
          + " 1000 4000000000 90000 18446744073709551615 1 1 0 0 0 0 0 2 16899 0 0 0 17 1 0 0";

  @TempDir Path proc;

  @Test
  void addsUserAndSystemTicksOfAStatLine() {
    assertThat(CpuMeter.parseStat(STAT)).hasValue(18.01);
  }

  @Test
  void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
    String stat = STAT.replace("(java kafka.Kafka)", "(a) b (c)");

    assertThat(CpuMeter.parseStat(stat)).hasValue(18.01);
  }

  @Test
  void somethingElseIsUnknown() {
    assertThat(CpuMeter.parseStat("garbage")).isEqualTo(OptionalDouble.empty());
    assertThat(CpuMeter.parseStat("1 (x) S 1 2")).isEqualTo(OptionalDouble.empty());
  }

  @Test
  void readsTheBrokerFromProcAndThisJvmFromItsManagementBean() throws IOException {
    Files.createDirectories(proc.resolve("4242"));
    Files.writeString(proc.resolve("4242/stat"), STAT);

    CpuTime now = new CpuMeter(proc, OptionalLong.of(4242)).now();

    assertThat(now.brokerSeconds()).isEqualTo(18.01);
    assertThat(now.clientSeconds()).isPositive();
  }

  @Test
  void aBrokerThatIsGoneOrUnknownHasNoFigure() {
    assertThat(new CpuMeter(proc, OptionalLong.of(4242)).now().brokerSeconds()).isNegative();
    assertThat(new CpuMeter(proc, OptionalLong.empty()).now().brokerSeconds()).isNegative();
  }
}
