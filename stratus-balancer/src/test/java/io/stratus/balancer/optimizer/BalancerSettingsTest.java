package io.stratus.balancer.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BalancerSettingsTest {

  @Test
  void defaultsAreTenPercentAboveTwentyBelowAndEightyPercentOfDiskAndNetwork() {
    BalancerSettings settings = BalancerSettings.defaults();

    assertThat(settings.upperThreshold()).isEqualTo(0.10);
    assertThat(settings.lowerThreshold()).isEqualTo(0.20);
    assertThat(settings.topicReplicaGap()).isEqualTo(1);
    assertThat(settings.replicaUtilisationLimit()).isEqualTo(1.0);
    assertThat(settings.diskUtilisationLimit()).isEqualTo(0.8);
    assertThat(settings.networkInUtilisationLimit()).isEqualTo(0.8);
    assertThat(settings.networkOutUtilisationLimit()).isEqualTo(0.8);
    assertThat(settings.seed()).isZero();
  }

  @Test
  void withersChangeOneValue() {
    BalancerSettings settings =
        BalancerSettings.defaults()
            .withUpperThreshold(0.05)
            .withLowerThreshold(0.3)
            .withTopicReplicaGap(2)
            .withReplicaUtilisationLimit(0.9)
            .withDiskUtilisationLimit(0.7)
            .withNetworkInUtilisationLimit(0.6)
            .withNetworkOutUtilisationLimit(0.5)
            .withSeed(9);

    assertThat(settings).isEqualTo(new BalancerSettings(0.05, 0.3, 2, 0.9, 0.7, 0.6, 0.5, 9));
  }

  @Test
  void aShareOutOfRangeIsRefusedByName() {
    assertThatThrownBy(() -> BalancerSettings.defaults().withLowerThreshold(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lowerThreshold must be from 0.0 to 1.0, got 1.5");
    assertThatThrownBy(() -> BalancerSettings.defaults().withDiskUtilisationLimit(0))
        .hasMessage("diskUtilisationLimit must be from 0.01 to 1.0, got 0.0");
    assertThatThrownBy(() -> BalancerSettings.defaults().withTopicReplicaGap(-1))
        .hasMessage("topicReplicaGap must be 0 or more, got -1");
  }
}
