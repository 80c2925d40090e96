package io.stratus.cli.platform;

import io.stratus.cli.connection.Credentials;
import io.stratus.cli.connection.CredentialsFile;
import io.stratus.controlplane.ControlPlane;
import io.stratus.controlplane.ControlPlaneSettings;
import io.stratus.dataplane.agent.Agent;
import io.stratus.dataplane.agent.AgentSettings;
import io.stratus.dataplane.balance.BalancerRuntimeSettings;
import io.stratus.dataplane.substrate.ClusterPlan;
import io.stratus.dataplane.substrate.Substrate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine, as {@code stratus up} runs it: a one-node system Kafka for the
 * control plane's state, the control plane, and one agent on the local process substrate. {@link
 * #close()} stops everything it started, brokers included. Thread-safe for {@link #close()} (it may
 * run from a shutdown hook).
 */
public final class Platform implements AutoCloseable {

  /** The system Kafka's id on its own substrate. */
  static final String SYSTEM_CLUSTER = "system";

  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
  private static final String AGENT_ID = "local";

  private final PlatformSettings settings;
  private final FileChannel lockChannel;
  private final ObjectStoreChoice objectStore;
  private final Substrate system;
  private final Substrate clusters;
  private Agent agent;
  private ControlPlane controlPlane;
  private Path credentialsFile;
  private Optional<String> newAdminKey = Optional.empty();
  private boolean closed;

  private Platform(
      PlatformSettings settings,
      FileChannel lockChannel,
      ObjectStoreChoice objectStore,
      Substrate system,
      Substrate clusters) {
    this.settings = settings;
    this.objectStore = objectStore;
    this.lockChannel = lockChannel;
    this.system = system;
    this.clusters = clusters;
  }

  /**
   * Claims the data directory for a platform that {@link #start()} will start. Close it to stop
   * whatever has been started, even while {@link #start()} is still running.
   *
   * @throws PlatformException if another platform uses the data directory
   */
  public static Platform open(PlatformSettings settings) {
    Path data = settings.dataDirectory();
    FileChannel lock = lockDataDirectory(data);
    try {
      ObjectStoreChoice objectStore =
          ObjectStoreChoice.resolve(
              data,
              settings.objectStore(),
              settings.objectStoreEncryption(),
              settings.objectStoreKeyFile());
      Substrates substrates = Substrates.create(settings, data, objectStore);
      return new Platform(settings, lock, objectStore, substrates.system(), substrates.clusters());
    } catch (RuntimeException e) {
      releaseQuietly(lock);
      throw e;
    }
  }

  /**
   * Starts every part and returns once the control plane is healthy.
   *
   * @throws PlatformException if a part fails to start; what was started is stopped again
   */
  public void start() {
    try {
      startParts(settings.dataDirectory());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void startParts(Path data) {
    Set<String> versions = Substrates.installedKafkaVersions(settings.kafkaHome());
    String version = Substrates.newest(versions);
    system.provision(new ClusterPlan(SYSTEM_CLUSTER, 1, version, Map.of(), false));
    system.start(SYSTEM_CLUSTER, 0);
    Map<String, Object> stateClient = system.adminConfig(SYSTEM_CLUSTER);
    LOG.info("system Kafka starting");
    SystemKafka.awaitReady(stateClient, Duration.ofMinutes(3));

    abortIfClosed();
    controlPlane =
        ControlPlane.start(
            new ControlPlaneSettings(
                stateClient,
                settings.apiHost(),
                settings.apiPort(),
                (short) 1,
                versions,
                version,
                "stratus-control-plane",
                Clock.systemUTC(),
                new SecureRandom()));
    abortIfClosed();
    agent =
        new Agent(
            new AgentSettings(
                stateClient,
                (short) 1,
                data.resolve("agent"),
                AGENT_ID,
                Duration.ofSeconds(1),
                settings.stopGrace(),
                Clock.systemUTC(),
                Optional.of(objectStore.location()),
                BalancerRuntimeSettings.defaults(diskBytes(data))
                    .withFailureGrace(settings.brokerFailureGrace())),
            clusters);
    agent.start();
    newAdminKey = controlPlane.issueInitialAdminKey();
    credentialsFile = writeCredentials(data, controlPlane.apiUrl(), newAdminKey);
  }

  /** The size of the disk the data directory is on, which all brokers of the machine share. */
  private static long diskBytes(Path data) {
    try {
      return java.nio.file.Files.getFileStore(data).getTotalSpace();
    } catch (java.io.IOException e) {
      throw new PlatformException("cannot read the size of the disk under " + data, e);
    }
  }

  private synchronized void abortIfClosed() {
    if (closed) {
      throw new PlatformException("stopped while starting");
    }
  }

  /** Where the REST API answers. */
  public URI apiUrl() {
    return controlPlane.apiUrl();
  }

  /** The admin key, if it was created by this start (it is shown only once). */
  public Optional<String> newAdminKey() {
    return newAdminKey;
  }

  /** The credentials file the CLI reads by default. */
  public Path credentialsFile() {
    return credentialsFile;
  }

  /** Stops the control plane, the agent, and every broker process; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly("control plane", controlPlane);
    closeQuietly("agent", agent);
    clusters.stopAll(settings.stopGrace());
    system.stopAll(settings.stopGrace());
    try {
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("cannot release the data directory lock: {}", e.getMessage());
    }
    LOG.info("stopped");
  }

  /** Writes credentials.json with the new key, or keeps the saved key and updates the URL. */
  private static Path writeCredentials(Path data, URI apiUrl, Optional<String> newKey) {
    try {
      Optional<String> key = newKey.or(() -> CredentialsFile.read(data).flatMap(Credentials::key));
      if (key.isEmpty()) {
        throw new PlatformException(
            "the control plane already has an admin key but "
                + CredentialsFile.in(data)
                + " is missing or has none; restore it, or start with a new --data-dir");
      }
      CredentialsFile.write(data, new Credentials(apiUrl.toString(), key.get()));
      return CredentialsFile.in(data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + CredentialsFile.in(data), e);
    }
  }

  /** Where clusters tier segments, for the start-up banner. */
  public String objectStore() {
    return objectStore.describe();
  }

  private static void releaseQuietly(FileChannel lock) {
    try {
      lock.close();
    } catch (IOException e) {
      LOG.warn("cannot release the data directory lock: {}", e.getMessage());
    }
  }

  private static void closeQuietly(String what, AutoCloseable part) {
    if (part == null) {
      return;
    }
    try {
      part.close();
    } catch (Exception e) {
      LOG.warn("stopping the {} failed: {}", what, e.getMessage());
    }
  }

  private static FileChannel lockDataDirectory(Path data) {
    try {
      Files.createDirectories(data);
      FileChannel channel =
          FileChannel.open(
              data.resolve("stratus.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new PlatformException(
            "another `stratus up` is already running on "
                + data
                + "; stop it first or use another --data-dir");
      }
      return channel;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the data directory " + data, e);
    }
  }
}
