package io.stratus.cli.output;

import static io.stratus.cli.testing.ClusterFixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.ApiKeySecret;
import io.stratus.api.ClusterList;
import io.stratus.api.ClusterPhase;
import java.util.List;
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
}
