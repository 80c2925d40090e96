package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Kafka client settings a tenant uses with an API key: SCRAM-SHA-512 on the cluster's client
 * listener, as the README tells users. Test support.
 */
final class TenantClient {

  /** An API key's SCRAM username and password. */
  record Key(String key, String secret) {}

  private TenantClient() {}

  /** Issues an API key for the cluster and waits until Kafka accepts it. */
  static Key issueKey(RestClient api, String clusterId) throws Exception {
    RestClient.Answer answer = api.post("/v1/clusters/" + clusterId + "/api-keys", "");
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    Key key = new Key(answer.body().path("key").asText(), answer.body().path("secret").asText());
    String bootstrap = api.get("/v1/clusters/" + clusterId).body().at("/status/bootstrap").asText();
    await("the new API key can log in")
        .atMost(Duration.ofMinutes(1))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              try (Admin admin = Admin.create(properties(bootstrap, key.key(), key.secret()))) {
                admin.describeCluster().clusterId().get();
              }
            });
    return key;
  }

  static Properties properties(String bootstrap, String key, String secret) {
    Properties config = new Properties();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    config.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + key
            + "\" password=\""
            + secret
            + "\";");
    return config;
  }
}
