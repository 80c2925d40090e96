package io.stratus.balancer.monitor;

import io.stratus.balancer.BalancerException;
import io.stratus.balancer.model.BrokerCapacity;
import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.ClusterModel;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * The balancer's view of one cluster's load: it reads the samples brokers' load reporters publish
 * ({@link #poll()}) into windows ({@link SampleWindows}) and, on request, builds a {@link
 * ClusterModel} from the Admin API and the windowed rates ({@link #model}).
 *
 * <p>Without samples (no reporter on the brokers, or the topic missing) the model still comes, once
 * the windows have passed, with sizes from the Admin API and zero rates.
 *
 * <p>Not thread-safe: made for the agent's single loop thread, which calls {@link #poll()} every
 * tick and {@link #model} when it plans. The Admin client is the caller's and stays open on {@link
 * #close()}; the monitor's consumer is closed.
 */
public final class LoadMonitor implements AutoCloseable {

  private final MonitorSettings settings;
  private final Clock clock;
  private final ClusterObserver observer;
  private final SampleConsumer consumer;
  private final SampleWindows windows;

  /**
   * A monitor starting now: readiness is counted from this moment.
   *
   * @param admin the cluster's Admin client, used with {@link MonitorSettings#adminTimeout()} on
   *     every call
   * @param consumerConfig where and as whom to read the samples topic: bootstrap servers and
   *     security settings (an Admin client configuration will do); deserializers, offsets and group
   *     settings are the monitor's
   * @param settings the topic, the windows and the timeouts
   * @param clock the time samples are placed against
   */
  public LoadMonitor(
      Admin admin, Map<String, Object> consumerConfig, MonitorSettings settings, Clock clock) {
    Objects.requireNonNull(admin, "admin");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.observer = new ClusterObserver(admin, settings.adminTimeout());
    this.windows =
        new SampleWindows(settings.windowCount(), settings.windowDuration(), clock.millis());
    this.consumer = new SampleConsumer(consumerConfig, settings.samplesTopic(), clock);
  }

  /**
   * Takes in the samples that have arrived, waiting at most about {@link
   * MonitorSettings#pollTimeout()} (100 ms by default) for them.
   *
   * @throws BalancerException if the samples topic cannot be read for a reason that will not pass
   */
  public void poll() {
    long now = clock.millis();
    for (PartitionLoadSample sample : consumer.poll(settings.pollTimeout())) {
      windows.add(sample, now);
    }
  }

  /**
   * The cluster as it is now, with the windowed rates, once {@link MonitorSettings#minWindows()}
   * windows have completed since this monitor started.
   *
   * @param healthOverrides brokers that are not ALIVE: DRAINING ones being removed, DEAD ones gone;
   *     a broker listed here is in the model even when it is no longer registered
   * @param capacity what each broker can carry
   * @return {@link ModelResult.Ready} with the model, or {@link ModelResult.NotReady} saying what
   *     it waits for
   * @throws BalancerException if an Admin call fails or times out
   */
  public ModelResult model(Map<Integer, BrokerHealth> healthOverrides, BrokerCapacity capacity) {
    Objects.requireNonNull(healthOverrides, "healthOverrides");
    Objects.requireNonNull(capacity, "capacity");
    long now = clock.millis();
    int completed = windows.completedWindows(now);
    if (completed < settings.minWindows()) {
      return new ModelResult.NotReady(
          "collecting load samples: " + completed + " of " + settings.minWindows() + " windows");
    }
    ClusterObservation observation = observer.observe();
    Set<TopicPartition> partitions =
        observation.partitions().stream()
            .map(ClusterObservation.ObservedPartition::topicPartition)
            .collect(Collectors.toSet());
    windows.retainOnly(partitions, now);
    ClusterModel model =
        ModelAssembler.assemble(observation, windows, now, healthOverrides, capacity);
    return new ModelResult.Ready(model, Math.min(completed, settings.windowCount()));
  }

  /**
   * Creates the topic brokers publish samples to, unless it exists: one partition, an hour of
   * retention, deleted rather than compacted, with a replication factor of {@code
   * replicationFactor} or the number of brokers if that is smaller. Idempotent.
   *
   * @param replicationFactor the wanted replication factor, normally 3
   * @throws BalancerException if the cluster cannot be described or the topic cannot be created
   */
  public static void ensureSamplesTopic(Admin admin, String topic, int replicationFactor) {
    SamplesTopic.ensure(admin, topic, replicationFactor, MonitorSettings.DEFAULT_ADMIN_TIMEOUT);
  }

  /** Closes the monitor's consumer; the Admin client stays open. */
  @Override
  public void close() {
    consumer.close();
  }
}
