package io.stratus.dataplane.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrokerAbsenceTest {

  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void aBrokerCountsAsFailedOnlyAfterTheGracePeriod() {
    BrokerAbsence absence = new BrokerAbsence(Duration.ofMinutes(5));

    assertThat(absence.failed(Set.of(0, 1, 2), Set.of(0, 1), T0)).isEmpty();
    assertThat(absence.failed(Set.of(0, 1, 2), Set.of(0, 1), T0.plusSeconds(299))).isEmpty();
    assertThat(absence.failed(Set.of(0, 1, 2), Set.of(0, 1), T0.plusSeconds(300)))
        .containsExactly(2);
  }

  @Test
  void comingBackResetsTheClock() {
    BrokerAbsence absence = new BrokerAbsence(Duration.ofMinutes(5));
    absence.failed(Set.of(0, 1, 2), Set.of(0, 1), T0);
    absence.failed(Set.of(0, 1, 2), Set.of(0, 1, 2), T0.plusSeconds(200));

    assertThat(absence.failed(Set.of(0, 1, 2), Set.of(0, 1), T0.plusSeconds(400)))
        .as("missing again since 400 s, not since 0 s")
        .isEmpty();
    assertThat(absence.failed(Set.of(0, 1, 2), Set.of(0, 1), T0.plusSeconds(700)))
        .containsExactly(2);
  }

  @Test
  void aRemovedBrokerIsForgotten() {
    BrokerAbsence absence = new BrokerAbsence(Duration.ofMinutes(5));
    absence.failed(Set.of(0, 1, 2), Set.of(0, 1), T0);

    assertThat(absence.failed(Set.of(0, 1), Set.of(0, 1), T0.plusSeconds(600))).isEmpty();
    assertThat(absence.failed(Set.of(0, 1, 2), Set.of(0, 1), T0.plusSeconds(601)))
        .as("a broker that comes back into the layout starts a fresh grace period")
        .isEmpty();
  }
}
