package io.stratus.cli.output;

import static io.stratus.cli.testing.ClusterFixtures.cluster;
import static io.stratus.cli.testing.ClusterFixtures.operating;
import static io.stratus.cli.testing.ClusterFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.ApiKeySecret;
import io.stratus.api.Cluster;
import io.stratus.api.ClusterList;
import io.stratus.api.ClusterPhase;
import io.stratus.api.LifecycleOperation;
import io.stratus.api.OperationKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterTextTest {

  @Test
  void listShowsOneAlignedRowPerCluster() {
    String text =
        ClusterText.list(
            new ClusterList(
                List.of(
                    cluster("lkc-aaaaaa", ClusterPhase.READY, 3, 3, 1, 1, ""),
                    cluster("lkc-bbbbbb", ClusterPhase.PROVISIONING, 5, 0, 1, 0, "starting"))));

    assertThat(text.lines())
        .containsExactly(
            "ID          NAME    TYPE       BROKERS  PHASE         BOOTSTRAP",
            "lkc-aaaaaa  orders  dedicated  3        READY         127.0.0.1:19092",
            "lkc-bbbbbb  orders  dedicated  5        PROVISIONING  -");
  }

  @Test
  void anEmptyListSaysHowToCreateACluster() {
    assertThat(ClusterText.list(new ClusterList(List.of())))
        .contains("No clusters yet")
        .contains("stratus cluster create NAME");
  }

  @Test
  void describeShowsFieldsBrokersAndTheMessage() {
    String text =
        ClusterText.describe(
            cluster("lkc-ab12cd", ClusterPhase.UPDATING, 3, 2, 4, 3, "starting broker 2"));

    assertThat(text)
        .contains("ID:             lkc-ab12cd")
        .contains("Phase:          UPDATING")
        .contains("Bootstrap:      127.0.0.1:19092")
        .contains("Brokers:        3 wanted, 2 running")
        .contains("Version:        4 (observed 3)")
        .contains("Balancing:      any-uneven-load")
        .contains("Message:        starting broker 2");
    assertThat(text.lines())
        .containsSequence(
            "BROKER  HOST       PORT   STATE     KAFKA",
            "0       127.0.0.1  19092  RUNNING   4.4.0",
            "1       127.0.0.1  19093  RUNNING   4.4.0",
            "2       127.0.0.1  19094  STARTING  4.4.0");
  }

  @Test
  void describeOfAClusterWithoutBrokersSaysSo() {
    String text =
        ClusterText.describe(cluster("lkc-ab12cd", ClusterPhase.PROVISIONING, 0, 0, 1, 0, ""));

    assertThat(text).contains("Message:        -").contains("No brokers yet.");
  }

  @Test
  void anApiKeyIsShownWithTheWarningThatItIsShownOnce() {
    String text = ClusterText.apiKey("lkc-ab12cd", new ApiKeySecret("KEY1", "s3cr3t"));

    assertThat(text)
        .contains("Key:      KEY1")
        .contains("Secret:   s3cr3t")
        .contains("shown only once")
        .contains("sasl.mechanism=SCRAM-SHA-512")
        .contains("username=\"KEY1\" password=\"s3cr3t\";");
  }

  @Test
  void describeShowsTheOperationWhatItWaitsForAndTheMetadataVersion() {
    String text =
        ClusterText.describe(
            operating(
                cluster("lkc-ab12cd", ClusterPhase.UPDATING, 3, 3, 2, 2, "restarting broker 2"),
                new LifecycleOperation(
                    OperationKind.RESTART,
                    1,
                    3,
                    Optional.of(2),
                    33,
                    Optional.of("waiting for broker 2 to catch up")),
                "33"));

    assertThat(text.lines())
        .containsSequence(
            "Phase:          UPDATING",
            "Operation:      rolling restart: 1 of 3 brokers, broker 2 now (33%)",
            "Waiting:        waiting for broker 2 to catch up",
            "Bootstrap:      127.0.0.1:19092");
    assertThat(text).contains("Kafka version:  4.4.0 (metadata.version 33)");
  }

  @Test
  void describeShowsWhatTheBrokersRunDuringAnUpgrade() {
    Cluster upgrading =
        cluster("lkc-ab12cd", ClusterPhase.UPDATING, 3, 3, 2, 2, "upgrading broker 0");
    upgrading =
        operating(
            withSpec(upgrading, upgrading.spec().withKafkaVersion("4.5.0")),
            new LifecycleOperation(
                OperationKind.UPGRADE, 0, 3, Optional.of(0), 0, Optional.empty()),
            "30");

    String text = ClusterText.describe(upgrading);

    assertThat(text)
        .contains("Operation:      rolling upgrade: 0 of 3 brokers, broker 0 now (0%)")
        .contains("Kafka version:  4.5.0 (running 4.4.0, metadata.version 30)")
        .doesNotContain("Waiting:");
  }

  @Test
  void describeWithoutAnOperationHasNoOperationRow() {
    assertThat(ClusterText.describe(cluster("lkc-ab12cd", ClusterPhase.READY, 3, 3, 1, 1, "")))
        .doesNotContain("Operation:")
        .contains("Kafka version:  4.4.0\n");
  }
}
