package io.stratus.dataplane.substrate.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides a node's log4j2 configuration: everything Kafka logs goes to {@code logs/server.log},
 * rolled by size and capped at {@value #MAX_FILES} files of {@value #MAX_FILE_SIZE}. Pure and
 * thread-safe.
 */
final class BrokerLoggingConfig {

  static final String MAX_FILE_SIZE = "10MB";
  static final int MAX_FILES = 5;

  private BrokerLoggingConfig() {}

  /** The log4j2 {@code .properties} settings for a node that logs into {@code logsDir}. */
  static Map<String, String> settings(Path logsDir) {
    var config = new LinkedHashMap<String, String>();
    config.put("status", "warn");
    config.put("name", "stratus-broker");
    config.put("appender.server.type", "RollingFile");
    config.put("appender.server.name", "server");
    config.put("appender.server.fileName", logsDir.resolve("server.log").toString());
    config.put("appender.server.filePattern", logsDir.resolve("server.log.%i").toString());
    config.put("appender.server.layout.type", "PatternLayout");
    config.put("appender.server.layout.pattern", "[%d] %p %m (%c)%n");
    config.put("appender.server.policies.type", "Policies");
    config.put("appender.server.policies.size.type", "SizeBasedTriggeringPolicy");
    config.put("appender.server.policies.size.size", MAX_FILE_SIZE);
    config.put("appender.server.strategy.type", "DefaultRolloverStrategy");
    config.put("appender.server.strategy.max", Integer.toString(MAX_FILES));
    config.put("rootLogger.level", "INFO");
    config.put("rootLogger.appenderRef.server.ref", "server");
    // Per-request logging would fill the capped files with noise.
    config.put("logger.request.name", "kafka.request.logger");
    config.put("logger.request.level", "WARN");
    return config;
  }
}
