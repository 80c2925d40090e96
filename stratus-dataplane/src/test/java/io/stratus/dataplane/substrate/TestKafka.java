package io.stratus.dataplane.substrate;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Kafka broker runtime that integration tests launch, found through the {@code
 * stratus.kafka.home} system property that the build sets. Fails, rather than skips, when it is
 * missing: a test that cannot run has not passed.
 */
public final class TestKafka {

  /** The newest Kafka version stratus-kafka-dist builds, the one tests run unless they upgrade. */
  public static final String VERSION = "4.4.0";

  /** The older Kafka version stratus-kafka-dist builds, which clusters upgrade from. */
  public static final String PREVIOUS_VERSION = "4.3.1";

  private static final String PROPERTY = "stratus.kafka.home";

  private TestKafka() {}

  /** The Kafka home: the directory with {@code <version>/libs/*.jar}. */
  public static Path home() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property "
              + PROPERTY
              + " is not set: run the test through Maven (the dataplane pom sets it) or pass"
              + " -D"
              + PROPERTY
              + "=<repo>/stratus-kafka-dist/target/kafka");
    }
    Path home = Path.of(value).toAbsolutePath().normalize();
    Path libs = home.resolve(VERSION).resolve("libs");
    if (!Files.isDirectory(libs)) {
      throw new IllegalStateException(
          "the Kafka "
              + VERSION
              + " runtime is missing: "
              + libs
              + " does not exist. Build it first with: mvn -pl stratus-kafka-dist/kafka-4.4.0,stratus-kafka-dist/kafka-4.3.1 -am package");
    }
    return home;
  }
}
