package io.stratus.plugins.tiered;

import java.util.Optional;
import org.apache.kafka.common.metrics.PluginMetrics;

/** Where a {@link StratusRemoteStorageManager} is in its life. */
sealed interface Lifecycle permits Lifecycle.Unconfigured, Lifecycle.Running, Lifecycle.Closed {

  /** Created, not yet configured; keeps plugin metrics handed over early for {@code configure}. */
  record Unconfigured(Optional<PluginMetrics> pluginMetrics) implements Lifecycle {}

  /** Configured and serving. */
  record Running(TieredStorage storage) implements Lifecycle {}

  /** Closed; every operation fails. */
  record Closed() implements Lifecycle {}
}
