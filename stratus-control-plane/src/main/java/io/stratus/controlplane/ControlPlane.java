package io.stratus.controlplane;

import io.stratus.controlplane.command.BalanceCommands;
import io.stratus.controlplane.command.ClusterCommands;
import io.stratus.controlplane.command.CommandContext;
import io.stratus.controlplane.command.CommandProcessor;
import io.stratus.controlplane.command.Outcome;
import io.stratus.controlplane.command.PlatformKeyCommands;
import io.stratus.controlplane.command.TenantKeyCommands;
import io.stratus.controlplane.http.ApiServer;
import io.stratus.controlplane.log.EventLog;
import io.stratus.controlplane.log.kafka.KafkaEventLog;
import io.stratus.controlplane.validation.BrokerConfigAllowlist;
import io.stratus.controlplane.validation.ClusterRequestRules;
import io.stratus.controlplane.validation.KafkaVersions;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running control plane: the REST API on top of a read model rebuilt from, and kept current with,
 * the state log. {@link #start(ControlPlaneSettings)} returns once it is healthy. Thread-safe.
 */
public final class ControlPlane implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);
  private static final long START_TIMEOUT_MINUTES = 5;
  private static final long COMMAND_TIMEOUT_MINUTES = 2;

  private final EventLog log;
  private final CommandProcessor processor;
  private final ApiServer server;
  private final StatusFollower follower;
  private final PlatformKeyCommands platformKeys = new PlatformKeyCommands();
  private volatile boolean closed;

  private ControlPlane(
      EventLog log, CommandProcessor processor, ApiServer server, StatusFollower follower) {
    this.log = log;
    this.processor = processor;
    this.server = server;
    this.follower = follower;
  }

  /**
   * Starts a control plane on the Kafka of the settings: creates the state topics if missing,
   * fences earlier instances, rebuilds the read model, and serves the REST API.
   *
   * @throws ControlPlaneException if it cannot start, saying why
   */
  public static ControlPlane start(ControlPlaneSettings settings) {
    return start(
        settings,
        new KafkaEventLog(
            settings.kafkaClientConfig(),
            settings.stateTopicReplicationFactor(),
            settings.transactionalId()));
  }

  /**
   * Starts a control plane on the given state log, for example an {@link
   * io.stratus.controlplane.log.InMemoryEventLog} in tests; {@code kafkaClientConfig}, the
   * replication factor and the transactional id of the settings are then not used. The control
   * plane owns the log from now on and closes it.
   *
   * @throws ControlPlaneException if it cannot start, saying why
   */
  public static ControlPlane start(ControlPlaneSettings settings, EventLog log) {
    return start(settings, log, new SecureRandom());
  }

  static ControlPlane start(ControlPlaneSettings settings, EventLog log, RandomGenerator secrets) {
    CommandProcessor processor =
        new CommandProcessor(log, new CommandContext(settings.clock(), settings.random(), secrets));
    ClusterCommands clusters =
        new ClusterCommands(
            new ClusterRequestRules(
                new KafkaVersions(settings.kafkaVersions(), settings.defaultKafkaVersion()),
                BrokerConfigAllowlist.standard()));
    ApiServer server = null;
    StatusFollower follower = new StatusFollower(log, processor);
    try {
      server =
          ApiServer.start(
              settings.bindHost(),
              settings.apiPort(),
              processor,
              clusters,
              new TenantKeyCommands(),
              new BalanceCommands());
      processor.start().get(START_TIMEOUT_MINUTES, TimeUnit.MINUTES);
      follower.start();
      LOG.info("control plane serving at {} on {}", server.url(), log.describe());
      return new ControlPlane(log, processor, server, follower);
    } catch (ExecutionException e) {
      closeAll(follower, server, processor, log);
      throw new ControlPlaneException(
          "the control plane could not start on "
              + log.describe()
              + ": "
              + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      closeAll(follower, server, processor, log);
      throw new ControlPlaneException(
          "the control plane did not catch up with its state log on "
              + log.describe()
              + " within "
              + START_TIMEOUT_MINUTES
              + " minutes",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeAll(follower, server, processor, log);
      throw new ControlPlaneException("interrupted while starting the control plane", e);
    } catch (RuntimeException e) {
      closeAll(follower, server, processor, log);
      throw e;
    }
  }

  /**
   * Issues the platform's first REST API key if none exists yet, and returns its bearer token; the
   * token is shown only here. Empty when a key exists already.
   *
   * @throws ControlPlaneException if the key cannot be written
   */
  public Optional<String> issueInitialAdminKey() {
    Outcome<Optional<String>> outcome;
    try {
      outcome =
          processor
              .execute(platformKeys::issueInitialAdmin)
              .get(COMMAND_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw new ControlPlaneException(
          "could not issue the initial admin key: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new ControlPlaneException(
          "issuing the initial admin key did not finish within "
              + COMMAND_TIMEOUT_MINUTES
              + " minutes",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted while issuing the initial admin key", e);
    }
    if (outcome instanceof Outcome.Done<Optional<String>> done) {
      return done.value();
    }
    throw new ControlPlaneException(
        "could not issue the initial admin key: "
            + ((Outcome.Refused<Optional<String>>) outcome).rejection().detail());
  }

  /** Where the REST API is served, for example {@code http://127.0.0.1:7070}. */
  public URI apiUrl() {
    return server.url();
  }

  /** Whether the control plane is caught up with its log and accepting requests. */
  public boolean healthy() {
    return !closed && processor.availability().serving();
  }

  /** Stops the REST API, the status follower, the command thread and the Kafka clients. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeAll(follower, server, processor, log);
    LOG.info("control plane stopped");
  }

  private static void closeAll(AutoCloseable... parts) {
    for (AutoCloseable part : parts) {
      if (part == null) {
        continue;
      }
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("could not close {} cleanly: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
