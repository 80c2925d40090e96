package io.stratus.dataplane.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.dataplane.substrate.TestLayouts;
import org.junit.jupiter.api.Test;

class InternalClientConfigTest {

  @Test
  void platformClientsUseTheInternalListenerAsTheInternalSuperuser() {
    var config = InternalClientConfig.of(TestLayouts.fourNodes(true));

    assertThat(config)
        .containsEntry(
            "bootstrap.servers", "127.0.0.1:9200,127.0.0.1:9201,127.0.0.1:9202,127.0.0.1:9203")
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"stratus-internal\" password=\"s3cr3t-Password_x\";");
  }
}
