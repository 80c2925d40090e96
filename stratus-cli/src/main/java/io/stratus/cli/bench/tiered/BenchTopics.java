package io.stratus.cli.bench.tiered;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The two topics the bench writes and reads: {@value #LOCAL_ONLY}, kept on the broker's disk, and
 * {@value #TIERED}, whose closed segments all go to the object store (a local retention of one byte
 * keeps only the active segment). Both roll segments at {@value #SEGMENT_BYTES} bytes, so that they
 * have the same segments and the local-only topic has closed segments to upload. Pure.
 */
final class BenchTopics {

  static final String LOCAL_ONLY = "local-only";
  static final String TIERED = "tiered";
  static final int SEGMENT_BYTES = 16 * 1024 * 1024;

  private BenchTopics() {}

  /** Both topics, with {@code partitions} partitions and one replica each. */
  static List<NewTopic> newTopics(int partitions) {
    return List.of(
        newTopic(LOCAL_ONLY, partitions, localOnlyConfig()),
        newTopic(TIERED, partitions, tieredConfig()));
  }

  static Map<String, String> localOnlyConfig() {
    return Map.of(
        "remote.storage.enable", "false", "segment.bytes", Integer.toString(SEGMENT_BYTES));
  }

  static Map<String, String> tieredConfig() {
    return Map.of(
        "remote.storage.enable",
        "true",
        "segment.bytes",
        Integer.toString(SEGMENT_BYTES),
        "local.retention.bytes",
        "1");
  }

  private static NewTopic newTopic(String name, int partitions, Map<String, String> config) {
    return new NewTopic(name, Optional.of(partitions), Optional.of((short) 1)).configs(config);
  }
}
