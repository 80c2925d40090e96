package io.stratus.cli.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code stratus up} runs the platform on this machine.
 *
 * @param dataDirectory where everything the platform writes lives; absolute
 * @param apiHost the address the REST API binds to
 * @param apiPort the REST API port (0 = any free port)
 * @param kafkaHome the directory holding {@code VERSION/libs} of each installed Kafka
 * @param brokerHeapMb the maximum heap of each tenant broker, in MiB
 * @param stopGrace how long a broker gets to shut down before it is killed
 * @param brokerFailureGrace how long a broker may be missing before its replicas are re-created on
 *     the other brokers
 * @param pluginsHome the broker plugin's directory ({@code stratus-broker-plugins/target/plugin})
 * @param objectStore {@code --object-store}: where clusters tier segments (default: a directory in
 *     the data directory)
 * @param objectStoreEncryption {@code --object-store-encryption}: {@code on} or {@code off}
 * @param objectStoreKeyFile {@code --object-store-key-file}: the master key
 */
public record PlatformSettings(
    Path dataDirectory,
    String apiHost,
    int apiPort,
    Path kafkaHome,
    int brokerHeapMb,
    Duration stopGrace,
    Duration brokerFailureGrace,
    Path pluginsHome,
    Optional<String> objectStore,
    Optional<String> objectStoreEncryption,
    Optional<Path> objectStoreKeyFile) {

  public PlatformSettings {
    if (brokerFailureGrace.isNegative() || brokerFailureGrace.isZero()) {
      throw new PlatformException(
          "--broker-failure-grace must be a positive ISO-8601 duration such as PT5M, got "
              + brokerFailureGrace);
    }
  }
}
