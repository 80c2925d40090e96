package io.stratus.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionLoadReporterTest {

  @Test
  void aMisconfiguredReporterStaysIdleRatherThanStoppingTheBroker() {
    var reporter = new PartitionLoadReporter(Map::of);

    assertThatCode(
            () -> {
              reporter.configure(Map.of("node.id", "0", "stratus.load.reporter.interval.ms", "1"));
              reporter.init(List.of());
              reporter.close();
            })
        .doesNotThrowAnyException();
  }

  @Test
  void withoutANodeIdItStaysIdle() {
    var reporter = new PartitionLoadReporter(Map::of);

    assertThatCode(
            () -> {
              reporter.configure(Map.of("stratus.load.reporter.bootstrap.servers", "h:1"));
              reporter.init(List.of());
              reporter.close();
            })
        .doesNotThrowAnyException();
  }
}
