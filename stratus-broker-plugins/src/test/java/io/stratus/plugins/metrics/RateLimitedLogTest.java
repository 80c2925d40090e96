package io.stratus.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {

  @Test
  void oneWarningPerPeriodAtMost() {
    var nanos = new AtomicLong();
    var log =
        new RateLimitedLog(
            LoggerFactory.getLogger(RateLimitedLogTest.class), Duration.ofMinutes(1), nanos::get);

    assertThat(log.warn("first")).isTrue();
    nanos.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(log.warn("held back")).isFalse();
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(log.warn("a minute later")).isTrue();
    assertThat(log.warn("held back again")).isFalse();
  }
}
