package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.api.StratusJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Runs one lifecycle operation on a cluster while an idempotent {@code acks=all} producer and a
 * consumer work a fresh topic with RF 3 and {@code min.insync.replicas=2}: a warm-up, a phase
 * before, the operation (until the cluster is READY at the version it returns, with no operation
 * left), a short phase after. Then it checks that every acknowledged record was read exactly once,
 * no send failed, at most one broker was ever down and no partition is under-replicated, prints the
 * figures and writes them to {@code target/bench/lifecycle/<operation>.json} (figures for the
 * record, never asserted on). Test support; not thread-safe.
 */
final class OperationUnderLoad {

  private static final long WARM_UP_RECORDS = 400;
  private static final long BEFORE_RECORDS = 1_000;
  private static final long AFTER_RECORDS = 400;

  private final RestClient api;
  private final String clusterId;
  private final Properties tenant;
  private final Properties internal;
  private final Duration timeout;

  /**
   * @param tenant a tenant's client settings for the cluster
   * @param internal the platform's internal client settings for it, to watch brokers and ISRs
   * @param timeout how long an operation may take
   */
  OperationUnderLoad(
      RestClient api, String clusterId, Properties tenant, Properties internal, Duration timeout) {
    this.api = api;
    this.clusterId = clusterId;
    this.tenant = tenant;
    this.internal = internal;
    this.timeout = timeout;
  }

  /**
   * Runs {@code operation}, which starts the change and returns the resource version it produced,
   * and returns the cluster as it is once the change is done.
   *
   * @param brokersBefore how many brokers serve when the operation starts
   * @param brokersAfter how many brokers serve once it is done
   */
  JsonNode run(
      String name, String topic, int brokersBefore, int brokersAfter, Callable<Long> operation)
      throws Exception {
    createTopic(topic);
    JsonNode cluster;
    LoadReport report;
    try (ContinuousLoad load = ContinuousLoad.start(tenant, topic);
        BrokerAvailabilityWatch watch = BrokerAvailabilityWatch.start(internal, brokersBefore)) {
      awaitAcknowledged(load, WARM_UP_RECORDS);
      load.phase("before");
      awaitAcknowledged(load, WARM_UP_RECORDS + BEFORE_RECORDS);
      load.phase("during");
      long start = System.nanoTime();
      long version = operation.call();
      api.awaitIdle(clusterId, timeout);
      cluster = api.awaitReady(clusterId, brokersAfter, version, timeout);
      long millis = (System.nanoTime() - start) / 1_000_000;
      watch.expect(brokersAfter);
      load.phase("after");
      awaitAcknowledged(load, load.progress().acknowledged() + AFTER_RECORDS);
      report = load.stopAndVerify(Duration.ofMinutes(2));
      System.out.println(name + ": " + millis + " ms; " + report.describe());
      System.out.println(name + ": " + watch.describe());
      write(name, figure(name, millis, report, watch.maxDown()));
      assertThat(watch.maxDown())
          .as("brokers down at the same time during " + name)
          .isLessThanOrEqualTo(1);
    }
    assertThat(report.readToEnd()).as(report.describe()).isTrue();
    assertThat(report.lost()).as("acknowledged records never read: " + report.describe()).isZero();
    assertThat(report.duplicated()).as("records read twice: " + report.describe()).isZero();
    assertThat(report.failedSends())
        .as("sends failed after retries: " + report.describe())
        .isZero();
    assertThat(report.acknowledged()).isPositive();
    assertThat(cluster.at("/status/phase").asText()).isEqualTo("READY");
    assertThat(underReplicated()).as("under-replicated partitions after " + name).isEmpty();
    return cluster;
  }

  /** Creates a topic with RF 3 and min.insync.replicas=2 and waits for its leaders and ISRs. */
  void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(tenant)) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic, 6, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
          .all()
          .get();
      await(topic + " has a leader and a full ISR on every partition")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                for (TopicPartitionInfo partition : description.partitions()) {
                  assertThat(partition.leader()).isNotNull();
                  assertThat(partition.isr()).hasSameSizeAs(partition.replicas());
                }
              });
    }
  }

  /** Every partition, internal ones included, whose ISR is smaller than its replica set. */
  List<TopicPartition> underReplicated() throws Exception {
    try (Admin admin = Admin.create(internal)) {
      List<TopicPartition> under = new ArrayList<>();
      for (Map.Entry<String, TopicDescription> topic :
          admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().entrySet()) {
        for (TopicPartitionInfo partition : topic.getValue().partitions()) {
          if (partition.isr().size() < partition.replicas().size()) {
            under.add(new TopicPartition(topic.getKey(), partition.partition()));
          }
        }
      }
      return under;
    }
  }

  private static void awaitAcknowledged(ContinuousLoad load, long records) {
    await(records + " records acknowledged")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> load.progress().acknowledged() >= records);
  }

  private static ObjectNode figure(String name, long millis, LoadReport report, int maxDown) {
    ObjectNode figure = StratusJson.mapper().createObjectNode();
    figure.put("operation", name);
    figure.put("durationMillis", millis);
    figure.put("acknowledged", report.acknowledged());
    figure.put("lost", report.lost());
    figure.put("duplicated", report.duplicated());
    figure.put("failedSends", report.failedSends());
    figure.put("maxBrokersDown", maxDown);
    for (String phase : List.of("before", "during", "after")) {
      PhaseLatency latency = report.latency(phase);
      ObjectNode node = figure.putObject(phase);
      node.put("records", latency.count());
      node.put("p50Millis", latency.p50Millis());
      node.put("p99Millis", latency.p99Millis());
      node.put("maxMillis", latency.maxMillis());
      ProducerLatency producer = report.producerLatency(phase);
      node.put("requestLatencyAvgMillis", producer.requestLatencyAvgMillis());
      node.put("requestLatencyMaxMillis", producer.requestLatencyMaxMillis());
    }
    return figure;
  }

  private static void write(String name, ObjectNode figure) throws Exception {
    String file = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-") + ".json";
    Path out = Path.of("target", "bench", "lifecycle", file);
    Files.createDirectories(out.getParent());
    Files.writeString(
        out, StratusJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(figure));
  }
}
