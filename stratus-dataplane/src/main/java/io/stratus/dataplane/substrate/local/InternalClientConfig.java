package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.InternalCredentials;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Decides the Kafka client configuration of the platform's own clients: the internal listener of
 * every broker, SASL/PLAIN as the internal superuser. Pure and thread-safe.
 */
final class InternalClientConfig {

  private InternalClientConfig() {}

  static Map<String, Object> of(ClusterLayout layout) {
    InternalCredentials credentials = layout.internalCredentials();
    var config = new LinkedHashMap<String, Object>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, layout.internalBootstrap());
    config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
    config.put(SaslConfigs.SASL_JAAS_CONFIG, credentials.clientJaas());
    return config;
  }
}
