package io.stratus.controlplane.log.kafka;

import io.stratus.api.StateTopics;
import io.stratus.controlplane.log.EventLogException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the two state topics when they are missing: compacted ({@link
 * StateTopics#topicConfig()}), one partition, the configured replication factor. Existing topics
 * are left as they are; agents may have created them first. Stateless.
 */
final class StateTopicCreator {

  private StateTopicCreator() {}

  static void createIfMissing(KafkaClientSettings settings, short replicationFactor) {
    List<NewTopic> topics =
        List.of(StateTopics.DESIRED, StateTopics.STATUS).stream()
            .map(
                name -> new NewTopic(name, 1, replicationFactor).configs(StateTopics.topicConfig()))
            .toList();
    try (Admin admin = Admin.create(settings.admin())) {
      CreateTopicsResult result = admin.createTopics(topics);
      for (Map.Entry<String, ?> entry : result.values().entrySet()) {
        awaitCreated(settings, entry.getKey(), result);
      }
    }
  }

  private static void awaitCreated(
      KafkaClientSettings settings, String topic, CreateTopicsResult result) {
    try {
      result
          .values()
          .get(topic)
          .get(KafkaClientSettings.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new EventLogException(
            "could not create state topic "
                + topic
                + " on the Kafka at "
                + settings.bootstrapServers()
                + ": "
                + e.getCause().getMessage()
                + (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
                    ? "; is it running and are the connection settings right?"
                    : ""),
            e.getCause());
      }
    } catch (TimeoutException e) {
      throw new EventLogException(
          "the Kafka at "
              + settings.bootstrapServers()
              + " did not answer within "
              + KafkaClientSettings.CALL_TIMEOUT.toSeconds()
              + "s when creating state topic "
              + topic
              + "; is it running and are the connection settings right?",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventLogException("interrupted while creating state topic " + topic, e);
    }
  }
}
