package io.stratus.dataplane.substrate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the nodes of Kafka clusters: provisions their configuration and storage, starts and stops
 * them one at a time, and reports which of them are running.
 *
 * <p>Every operation is idempotent: repeating it after a success changes nothing, and repeating it
 * after a failure finishes or redoes the work. A substrate keeps its state where it survives a
 * restart of the platform, so a new instance adopts the nodes an earlier one left running.
 *
 * <p>Failures are reported with {@link SubstrateException}, whose message says what failed and what
 * to do about it.
 */
public interface Substrate extends AutoCloseable {

  /** The ids of the clusters that have state on this substrate. */
  Set<String> clusters();

  /**
   * Allocates ports, writes every node's configuration and formats every node's storage. Starts
   * nothing. If the cluster already exists, returns its existing layout unchanged, whatever the
   * plan says.
   */
  ClusterLayout provision(ClusterPlan plan);

  /** The layout of the cluster, if it exists on this substrate. */
  Optional<ClusterLayout> layout(String clusterId);

  /**
   * Adds one broker-only node with the next free node id and new free ports, its configuration
   * written and storage formatted. Does not start it.
   *
   * @return the new node
   */
  NodeLayout addBroker(String clusterId);

  /**
   * Starts the node's process with the layout's Kafka version and configuration, and records that
   * in the layout ({@link NodeLayout#started()}); does nothing if it is already running (it is
   * adopted as it is).
   */
  void start(String clusterId, int nodeId);

  /**
   * Records what the cluster's nodes should run from now on: a Kafka version and a revision of the
   * user's configuration. Touches no process: running nodes pick the change up when they next start
   * ({@link ClusterLayout#dueRestart()} lists those whose generation is behind).
   *
   * @return the new layout
   * @throws SubstrateException if the version is not installed or the configuration sets a key the
   *     platform owns
   */
  ClusterLayout retarget(String clusterId, String kafkaVersion, ClusterRevision revision);

  /**
   * Asks the node's process to shut down, waits up to {@code grace} for it to exit, then kills it.
   * Does nothing if it is not running.
   */
  void stop(String clusterId, int nodeId, Duration grace);

  /**
   * Deletes a stopped node's configuration and data and drops it from the layout. Fails if the node
   * is running or is a controller.
   */
  void removeNode(String clusterId, int nodeId);

  /** One entry per node of the layout, in node id order, saying whether its process runs. */
  List<NodeProcess> processes(String clusterId);

  /** Stops every node of the cluster and deletes everything the cluster had. */
  void delete(String clusterId);

  /**
   * Kafka client configuration (Admin, producer, consumer) for the cluster's internal listener:
   * {@code bootstrap.servers} and the SASL settings of the platform's own superuser.
   */
  Map<String, Object> adminConfig(String clusterId);

  /**
   * Stops every node of every cluster, in parallel, and returns when all have exited. Meant for
   * platform shutdown; the lifecycle logic stops nodes one at a time with {@link #stop}.
   */
  void stopAll(Duration grace);

  /** Stops every node of every cluster with the substrate's default grace period. */
  @Override
  void close();
}
