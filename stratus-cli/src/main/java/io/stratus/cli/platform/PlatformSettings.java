package io.stratus.cli.platform;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code stratus up} runs the platform on this machine.
 *
 * @param dataDirectory where everything the platform writes lives; absolute
 * @param apiHost the address the REST API binds to
 * @param apiPort the REST API port (0 = any free port)
 * @param kafkaHome the directory holding {@code VERSION/libs} of each installed Kafka
 * @param brokerHeapMb the maximum heap of each tenant broker, in MiB
 * @param stopGrace how long a broker gets to shut down before it is killed
 */
public record PlatformSettings(
    Path dataDirectory,
    String apiHost,
    int apiPort,
    Path kafkaHome,
    int brokerHeapMb,
    Duration stopGrace) {}
