package io.stratus.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version {@code stratus --version} prints, as the build recorded it. */
public final class StratusVersion implements IVersionProvider {

  private static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    Properties properties = load();
    return new String[] {
      "stratus "
          + properties.getProperty("version", "unknown")
          + " (Apache Kafka "
          + properties.getProperty("kafkaVersion", "unknown")
          + ")"
    };
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = StratusVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + " from the stratus jar", e);
    }
    return properties;
  }
}
