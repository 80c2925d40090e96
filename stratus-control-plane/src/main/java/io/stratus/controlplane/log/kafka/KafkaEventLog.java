package io.stratus.controlplane.log.kafka;

import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.EventLog;
import io.stratus.controlplane.log.LogContents;
import io.stratus.controlplane.log.StatusRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The state log on Kafka: the compacted topics of {@link io.stratus.api.StateTopics}, written by a
 * transactional producer and read by {@code read_committed} consumers without a consumer group.
 * Safe for the use {@link EventLog} describes.
 */
public final class KafkaEventLog implements EventLog {

  private final KafkaClientSettings settings;
  private final short replicationFactor;
  private final DesiredStateWriter writer;
  private final StateTopicReader reader;

  /**
   * A log on the Kafka these client settings reach.
   *
   * @param clientConfig bootstrap servers and security settings of the control plane's Kafka
   * @param replicationFactor the replication factor of state topics this log creates
   * @param transactionalId the {@code transactional.id} shared by all instances of one control
   *     plane
   */
  public KafkaEventLog(
      Map<String, Object> clientConfig, short replicationFactor, String transactionalId) {
    this.settings = new KafkaClientSettings(clientConfig);
    this.replicationFactor = replicationFactor;
    this.writer = new DesiredStateWriter(settings, transactionalId);
    this.reader = new StateTopicReader(settings);
  }

  @Override
  public void open() {
    StateTopicCreator.createIfMissing(settings, replicationFactor);
    writer.open();
  }

  @Override
  public LogContents readToEnd() {
    return reader.readToEnd();
  }

  @Override
  public void append(List<DesiredRecord> records) {
    writer.append(records);
  }

  @Override
  public List<StatusRecord> pollStatus(Duration timeout) {
    return reader.pollStatus(timeout);
  }

  @Override
  public void wakeup() {
    reader.wakeup();
  }

  @Override
  public String describe() {
    return "the Kafka at " + settings.bootstrapServers();
  }

  @Override
  public void close() {
    try {
      reader.close();
    } finally {
      writer.close();
    }
  }
}
