package io.stratus.cli.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.api.StratusJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Kafka client settings for a cluster's internal listener as the platform's super user, read from
 * the cluster's layout in the data directory: what a test uses to look at a cluster the way the
 * agent does (log dirs, reassignments), which tenants may not. Test support.
 */
final class InternalClient {

  private InternalClient() {}

  static Properties properties(Path dataDirectory, String clusterId) throws IOException {
    JsonNode layout =
        StratusJson.mapper()
            .readTree(
                dataDirectory
                    .resolve("clusters")
                    .resolve(clusterId)
                    .resolve("cluster.json")
                    .toFile());
    JsonNode credentials = layout.path("internalCredentials");
    List<String> servers = new ArrayList<>();
    for (JsonNode node : layout.path("nodes")) {
      if (node.path("internalPort").asInt() > 0) {
        servers.add("127.0.0.1:" + node.path("internalPort").asInt());
      }
    }
    Properties config = new Properties();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", servers));
    config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
    config.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + credentials.path("username").asText()
            + "\" password=\""
            + credentials.path("password").asText()
            + "\";");
    return config;
  }
}
