package io.stratus.balancer.monitor;

import io.stratus.balancer.BalancerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeLogDirsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a cluster's brokers, partitions and replica sizes through the Admin API ({@code
 * describeCluster} with fenced brokers, {@code listTopics} with internal ones, {@code
 * describeTopics}, {@code describeLogDirs} of the unfenced brokers). Every call is bounded by the
 * timeout. A topic deleted between listing and describing is left out; a broker whose log
 * directories cannot be read is left out of the sizes (the model falls back to samples), and that
 * is logged. Any other failure is a {@link BalancerException}. Thread-safe if the Admin client is.
 */
final class ClusterObserver {

  private static final Logger log = LoggerFactory.getLogger(ClusterObserver.class);

  private final Admin admin;
  private final Duration timeout;

  ClusterObserver(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  ClusterObservation observe() {
    int millis = AdminCalls.millis(timeout);
    Collection<Node> nodes =
        AdminCalls.await(
            admin
                .describeCluster(
                    new DescribeClusterOptions().includeFencedBrokers(true).timeoutMs(millis))
                .nodes(),
            timeout,
            "describe the cluster's brokers");
    var brokers = new ArrayList<ClusterObservation.ObservedBroker>();
    var unfenced = new ArrayList<Integer>();
    for (Node node : nodes) {
      brokers.add(
          new ClusterObservation.ObservedBroker(
              node.id(), Optional.ofNullable(node.rack()), node.isFenced()));
      if (!node.isFenced()) {
        unfenced.add(node.id());
      }
    }
    return new ClusterObservation(brokers, partitions(millis), replicaSizes(unfenced, millis));
  }

  private List<ClusterObservation.ObservedPartition> partitions(int millis) {
    Set<String> topics =
        AdminCalls.await(
            admin.listTopics(new ListTopicsOptions().listInternal(true).timeoutMs(millis)).names(),
            timeout,
            "list the cluster's topics");
    var partitions = new ArrayList<ClusterObservation.ObservedPartition>();
    if (topics.isEmpty()) {
      return partitions;
    }
    Map<String, KafkaFuture<TopicDescription>> descriptions =
        admin
            .describeTopics(topics, new DescribeTopicsOptions().timeoutMs(millis))
            .topicNameValues();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> entry : descriptions.entrySet()) {
      TopicDescription description;
      try {
        description =
            AdminCalls.await(entry.getValue(), timeout, "describe topic " + entry.getKey());
      } catch (BalancerException e) {
        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          continue;
        }
        throw e;
      }
      for (TopicPartitionInfo info : description.partitions()) {
        partitions.add(
            new ClusterObservation.ObservedPartition(
                description.name(),
                info.partition(),
                info.replicas().stream().map(Node::id).toList(),
                info.leader() == null || info.leader().isEmpty() ? -1 : info.leader().id()));
      }
    }
    return partitions;
  }

  private Map<Integer, Map<TopicPartition, Long>> replicaSizes(List<Integer> brokers, int millis) {
    var sizes = new HashMap<Integer, Map<TopicPartition, Long>>();
    if (brokers.isEmpty()) {
      return sizes;
    }
    Map<Integer, KafkaFuture<Map<String, LogDirDescription>>> descriptions =
        admin
            .describeLogDirs(brokers, new DescribeLogDirsOptions().timeoutMs(millis))
            .descriptions();
    for (Map.Entry<Integer, KafkaFuture<Map<String, LogDirDescription>>> entry :
        descriptions.entrySet()) {
      Map<String, LogDirDescription> dirs;
      try {
        dirs =
            AdminCalls.await(
                entry.getValue(), timeout, "describe the log dirs of broker " + entry.getKey());
      } catch (BalancerException e) {
        log.warn(
            "[broker={}] replica sizes unknown, falling back to load samples: {}",
            entry.getKey(),
            e.getMessage());
        continue;
      }
      var brokerSizes = new HashMap<TopicPartition, Long>();
      for (LogDirDescription dir : dirs.values()) {
        if (dir.error() != null) {
          continue;
        }
        for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
          if (!replica.getValue().isFuture()) {
            brokerSizes.put(replica.getKey(), replica.getValue().size());
          }
        }
      }
      sizes.put(entry.getKey(), brokerSizes);
    }
    return sizes;
  }
}
