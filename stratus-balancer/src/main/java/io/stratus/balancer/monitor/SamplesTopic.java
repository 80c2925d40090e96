package io.stratus.balancer.monitor;

import io.stratus.balancer.BalancerException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the samples topic. Samples are worth an hour at most: one partition, deleted after an
 * hour, in segments that close every ten minutes so that deletion keeps up. Thread-safe.
 */
final class SamplesTopic {

  static final Map<String, String> CONFIG =
      Map.of(
          TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
          TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis()),
          TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofMinutes(10).toMillis()),
          TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024));

  private SamplesTopic() {}

  /** Creates the topic unless it exists; its replication factor is at most the broker count. */
  static void ensure(Admin admin, String topic, int replicationFactor, Duration timeout) {
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "replication factor must be at least 1, was " + replicationFactor);
    }
    int millis = AdminCalls.millis(timeout);
    int brokers =
        AdminCalls.await(
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).nodes(),
                timeout,
                "count the cluster's brokers")
            .size();
    short replicas = (short) Math.max(1, Math.min(replicationFactor, brokers));
    try {
      AdminCalls.await(
          admin
              .createTopics(
                  List.of(new NewTopic(topic, 1, replicas).configs(CONFIG)),
                  new CreateTopicsOptions().timeoutMs(millis))
              .all(),
          timeout,
          "create the load samples topic " + topic);
    } catch (BalancerException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }
}
