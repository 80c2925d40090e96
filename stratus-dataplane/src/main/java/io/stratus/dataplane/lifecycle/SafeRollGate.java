package io.stratus.dataplane.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides, from Kafka's own view of a cluster, whether a node may be restarted (stopped gracefully,
 * then started) now without losing availability, in which order a roll restarts nodes, and when a
 * restarted node has settled so the roll may go on.
 *
 * <p>A node may be restarted when all of these hold, checked in this order; the first that fails is
 * the reason given:
 *
 * <ol>
 *   <li>The node is not {@link NodeCondition#STARTING}: it may be recovering its log, and a node
 *       that is still recovering is never restarted. A {@link NodeCondition#DOWN} node passes:
 *       starting it cannot reduce availability.
 *   <li>Every partition with a replica on the node stays writable with {@code acks=all}: when its
 *       replication factor is above its {@code min.insync.replicas}, its ISR without the node still
 *       has at least {@code min.insync.replicas} members.
 *   <li>If the node is a controller, a majority of all voters ({@code voters / 2 + 1}) is caught up
 *       with the quorum leader among the voters other than the node. A voter is caught up when the
 *       leader's last-caught-up timestamp is at most the lag tolerance after the voter's; the
 *       leader is caught up by definition, and when it reports no timestamp of its own the newest
 *       of all voters' timestamps stands in for it. A quorum that could not be read allows no
 *       controller restart. A quorum of one or two voters loses its majority whichever voter
 *       restarts, so there every other voter need only be caught up (the same reasoning as for
 *       small partitions below).
 *   <li>Every other node is {@link NodeCondition#SERVING}, so at most one node is ever down.
 * </ol>
 *
 * <p><b>Partitions whose replication factor is not above {@code min.insync.replicas}</b>
 * (replication factor 1, or 2 with {@code min.insync.replicas=2}, …) refuse {@code acks=all} writes
 * whenever any of their replicas restarts, so no order of restarts keeps them writable; refusing
 * them would block the roll forever. Such a partition is therefore allowed when it is fully in sync
 * (every replica in its ISR): it then only refuses {@code acks=all} writes for the restarted node's
 * restart window, and loses no acknowledged data. When it is not fully in sync the node is refused,
 * because the restart could take down its last in-sync replicas. {@link #brieflyUnavailable} lists
 * these partitions so the caller can say which will pause.
 *
 * <p>Every method is a pure function of its arguments; all orders are by node id, and partitions by
 * topic then partition number, so the same health always gives the same answer and reason.
 *
 * <p>Thread-safety: immutable and thread-safe.
 */
public final class SafeRollGate {

  /**
   * How far behind the quorum leader a voter may be and still count as caught up. Matches Kafka's
   * default {@code controller.quorum.fetch.timeout.ms}: a voter that fetches regularly is never
   * further behind than that.
   */
  public static final Duration DEFAULT_QUORUM_LAG_TOLERANCE = Duration.ofSeconds(2);

  private static final Comparator<TopicPartition> PARTITION_ORDER =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  private final Duration quorumLagTolerance;

  /**
   * @param quorumLagTolerance how far behind the quorum leader's last-caught-up timestamp a voter's
   *     may be for the voter to count as caught up; not negative
   */
  public SafeRollGate(Duration quorumLagTolerance) {
    Objects.requireNonNull(quorumLagTolerance, "quorumLagTolerance");
    if (quorumLagTolerance.isNegative()) {
      throw new IllegalArgumentException(
          "quorumLagTolerance must not be negative, was " + quorumLagTolerance);
    }
    this.quorumLagTolerance = quorumLagTolerance;
  }

  /**
   * Whether node {@code nodeId} may be restarted now. See the class comment for the rules.
   *
   * @return {@link RollVerdict.Safe}, or {@link RollVerdict.Unsafe} with the first rule that fails;
   *     a node the health does not know is unsafe
   */
  public RollVerdict verdict(int nodeId, ClusterHealth health) {
    NodeHealth node = health.nodes().get(nodeId);
    if (node == null) {
      return new RollVerdict.Unsafe(nodeId, "node " + nodeId + " is not part of the cluster");
    }
    return startingRefusal(node)
        .or(() -> partitionRefusal(nodeId, health))
        .or(() -> quorumRefusal(nodeId, health))
        .or(() -> othersRefusal(nodeId, health))
        .<RollVerdict>map(reason -> new RollVerdict.Unsafe(nodeId, reason))
        .orElseGet(() -> new RollVerdict.Safe(nodeId));
  }

  /**
   * The next step of a roll that still has to restart {@code pending}. Nodes are tried in roll
   * order: broker-only nodes by id, then controllers by id, and the active controller (the quorum
   * leader) last and only once it is the only pending node, so leadership moves once rather than on
   * every controller restart. The first node that is safe to restart is chosen.
   *
   * @param pending the nodes not yet restarted; not empty
   * @return {@link RollStep.Restart} for the first safe node in roll order, or else {@link
   *     RollStep.Wait} with the first node's reason
   * @throws IllegalArgumentException if {@code pending} is empty
   */
  public RollStep next(Set<Integer> pending, ClusterHealth health) {
    if (pending.isEmpty()) {
      throw new IllegalArgumentException(
          "pending must name at least one node to restart; a roll with none left is finished");
    }
    Optional<RollVerdict.Unsafe> firstRefusal = Optional.empty();
    for (int nodeId : rollOrder(pending, health)) {
      RollVerdict verdict = verdict(nodeId, health);
      if (verdict instanceof RollVerdict.Safe) {
        return new RollStep.Restart(nodeId);
      }
      if (firstRefusal.isEmpty()) {
        firstRefusal = Optional.of((RollVerdict.Unsafe) verdict);
      }
    }
    RollVerdict.Unsafe refusal = firstRefusal.orElseThrow();
    return new RollStep.Wait(refusal.nodeId(), refusal.reason());
  }

  /**
   * What the roll waits for before the next restart: every node in {@code restarted} must serve
   * again, be in sync on every partition it hosts and, for a controller, be caught up with the
   * metadata quorum.
   *
   * @param restarted the nodes this roll has restarted so far
   * @return what the first unsettled node (by id) waits for, or empty when all have settled
   */
  public Optional<String> settling(Set<Integer> restarted, ClusterHealth health) {
    return restarted.stream()
        .sorted()
        .map(nodeId -> settlingOf(nodeId, health))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /**
   * The partitions with a replica on {@code nodeId} whose replication factor is not above their
   * {@code min.insync.replicas}: they refuse {@code acks=all} writes while the node restarts.
   *
   * @return those partitions, by topic then partition number
   */
  public List<TopicPartition> brieflyUnavailable(int nodeId, ClusterHealth health) {
    return hostedPartitions(nodeId, health)
        .filter(partition -> !canStayWritable(partition))
        .map(PartitionHealth::partition)
        .toList();
  }

  private static Optional<String> startingRefusal(NodeHealth node) {
    if (node.condition() != NodeCondition.STARTING) {
      return Optional.empty();
    }
    return Optional.of(
        name(node)
            + " is still starting: it may be recovering its log, and a node that is still"
            + " recovering is never restarted");
  }

  private static Optional<String> partitionRefusal(int nodeId, ClusterHealth health) {
    List<String> refusals =
        hostedPartitions(nodeId, health)
            .map(partition -> partitionRefusal(nodeId, partition))
            .flatMap(Optional::stream)
            .toList();
    if (refusals.isEmpty()) {
      return Optional.empty();
    }
    int more = refusals.size() - 1;
    return Optional.of(
        more == 0
            ? refusals.get(0)
            : refusals.get(0) + "; " + count(more, "more partition") + " likewise");
  }

  private static Optional<String> partitionRefusal(int nodeId, PartitionHealth partition) {
    if (canStayWritable(partition)) {
      long remaining = partition.isr().stream().filter(replica -> replica != nodeId).count();
      if (remaining >= partition.minInsyncReplicas()) {
        return Optional.empty();
      }
      return Optional.of(
          String.format(
              "restarting broker %d would leave partition %s with %s (ISR %s,"
                  + " min.insync.replicas=%d)",
              nodeId,
              partition.partition(),
              count(remaining, "in-sync replica"),
              isrInReplicaOrder(partition),
              partition.minInsyncReplicas()));
    }
    if (partition.isr().containsAll(partition.replicas())) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            "partition %s must be fully in sync before broker %d restarts, as its replication"
                + " factor %d is not above min.insync.replicas=%d (ISR %s of replicas %s)",
            partition.partition(),
            nodeId,
            partition.replicas().size(),
            partition.minInsyncReplicas(),
            isrInReplicaOrder(partition),
            partition.replicas()));
  }

  private Optional<String> quorumRefusal(int nodeId, ClusterHealth health) {
    if (!health.nodes().get(nodeId).controller()) {
      return Optional.empty();
    }
    if (health.quorum().isEmpty()) {
      return Optional.of(
          "the metadata quorum could not be read, so restarting controller "
              + nodeId
              + " could cost it its majority");
    }
    QuorumHealth quorum = health.quorum().get();
    List<Integer> others =
        quorum.voters().keySet().stream().filter(id -> id != nodeId).sorted().toList();
    List<Integer> lagging = others.stream().filter(id -> !caughtUp(id, quorum)).toList();
    int caughtUp = others.size() - lagging.size();
    int voters = quorum.voters().size();
    int majority = voters / 2 + 1;
    if (caughtUp >= majority) {
      return Optional.empty();
    }
    if (others.size() < majority && lagging.isEmpty()) {
      // A quorum of one or two voters loses its majority whichever voter restarts; as with a
      // partition whose RF is not above min.insync.replicas, it must not block the roll forever,
      // so it restarts once every other voter is caught up and the outage is this restart alone.
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            "restarting controller %d would leave %d of the other %s caught up with the leader"
                + " (node %d); the quorum needs %d of %d: %s",
            nodeId,
            caughtUp,
            count(others.size(), "voter"),
            quorum.leaderId(),
            majority,
            voters,
            lagging.size() == 1
                ? "voter " + lagging.get(0) + " lags"
                : "voters " + joined(lagging) + " lag"));
  }

  private static Optional<String> othersRefusal(int nodeId, ClusterHealth health) {
    return health.nodes().values().stream()
        .filter(node -> node.nodeId() != nodeId)
        .filter(node -> node.condition() != NodeCondition.SERVING)
        .min(Comparator.comparingInt(NodeHealth::nodeId))
        .map(
            node ->
                name(node)
                    + (node.condition() == NodeCondition.DOWN ? " is down" : " is still starting")
                    + "; only one node is restarted at a time");
  }

  private Optional<String> settlingOf(int nodeId, ClusterHealth health) {
    NodeHealth node = health.nodes().get(nodeId);
    if (node == null || node.condition() != NodeCondition.SERVING) {
      return Optional.of("waiting for " + name(nodeId, health) + " to rejoin the cluster");
    }
    List<PartitionHealth> hosted = hostedPartitions(nodeId, health).toList();
    long inSync = hosted.stream().filter(partition -> partition.isr().contains(nodeId)).count();
    if (inSync < hosted.size()) {
      return Optional.of(
          String.format(
              "waiting for broker %d to catch up: in sync on %d of %s it hosts",
              nodeId, inSync, count(hosted.size(), "partition")));
    }
    if (node.controller()) {
      if (health.quorum().isEmpty()) {
        return Optional.of(
            "waiting for controller "
                + nodeId
                + " to catch up with the metadata quorum (the quorum could not be read)");
      }
      QuorumHealth quorum = health.quorum().get();
      if (!caughtUp(nodeId, quorum)) {
        return Optional.of(
            "waiting for controller " + nodeId + " to catch up with the metadata quorum");
      }
    }
    return Optional.empty();
  }

  private static List<Integer> rollOrder(Set<Integer> pending, ClusterHealth health) {
    Optional<Integer> activeController = health.quorum().map(QuorumHealth::leaderId);
    List<Integer> order =
        pending.stream()
            .filter(id -> !activeController.equals(Optional.of(id)))
            .sorted(
                Comparator.comparing((Integer id) -> isController(id, health))
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    // The active controller goes only once nothing else is pending, so leadership moves once.
    return order.isEmpty() ? List.copyOf(pending) : order;
  }

  private boolean caughtUp(int voterId, QuorumHealth quorum) {
    VoterHealth voter = quorum.voters().get(voterId);
    if (voter == null) {
      return false;
    }
    if (voterId == quorum.leaderId()) {
      return true;
    }
    OptionalLong voterTimestamp = voter.lastCaughtUpTimestamp();
    OptionalLong leaderTimestamp = leaderTimestamp(quorum);
    return voterTimestamp.isPresent()
        && leaderTimestamp.isPresent()
        && leaderTimestamp.getAsLong() - voterTimestamp.getAsLong()
            <= quorumLagTolerance.toMillis();
  }

  private static OptionalLong leaderTimestamp(QuorumHealth quorum) {
    VoterHealth leader = quorum.voters().get(quorum.leaderId());
    if (leader != null && leader.lastCaughtUpTimestamp().isPresent()) {
      return leader.lastCaughtUpTimestamp();
    }
    return quorum.voters().values().stream()
        .map(VoterHealth::lastCaughtUpTimestamp)
        .filter(OptionalLong::isPresent)
        .mapToLong(OptionalLong::getAsLong)
        .max();
  }

  private static Stream<PartitionHealth> hostedPartitions(int nodeId, ClusterHealth health) {
    return health.partitions().stream()
        .filter(partition -> partition.hostedOn(nodeId))
        .sorted(Comparator.comparing(PartitionHealth::partition, PARTITION_ORDER));
  }

  private static boolean canStayWritable(PartitionHealth partition) {
    return partition.replicas().size() > partition.minInsyncReplicas();
  }

  private static boolean isController(int nodeId, ClusterHealth health) {
    NodeHealth node = health.nodes().get(nodeId);
    return node != null && node.controller();
  }

  /** The ISR in the order of the replica list, which is stable where a set's order is not. */
  private static List<Integer> isrInReplicaOrder(PartitionHealth partition) {
    List<Integer> ordered = new ArrayList<>();
    partition.replicas().stream().filter(partition.isr()::contains).forEach(ordered::add);
    partition.isr().stream().filter(id -> !ordered.contains(id)).sorted().forEach(ordered::add);
    return ordered;
  }

  private static String name(int nodeId, ClusterHealth health) {
    NodeHealth node = health.nodes().get(nodeId);
    return node == null ? "node " + nodeId : name(node);
  }

  private static String name(NodeHealth node) {
    if (node.broker()) {
      return "broker " + node.nodeId();
    }
    return (node.controller() ? "controller " : "node ") + node.nodeId();
  }

  private static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static String joined(List<Integer> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
