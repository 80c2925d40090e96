package io.stratus.cli.bench.tiered;

import java.time.Duration;

/**
 * Everything one run of {@code stratus bench tiered-storage} measured.
 *
 * @param produce writing the same data to both topics, {@code acks=all}
 * @param upload the plugin uploading the local-only topic's closed segments, in-process
 * @param localRead reading the local-only topic from offset 0
 * @param coldRead reading the tiered topic from offset 0, the broker's chunk cache empty
 * @param warmRead reading the tiered topic from offset 0 again, chunks cached
 * @param tiering the tiered topic when it was read: its share of remote records, its stored bytes
 * @param tieringTime from the last acknowledged write until every closed segment had left the
 *     broker
 */
record TieredBenchFigures(
    Measurement produce,
    PluginUpload.Result upload,
    Measurement localRead,
    Measurement coldRead,
    Measurement warmRead,
    TieringProgress tiering,
    Duration tieringTime) {

  /** Cold remote read throughput as a share of local read throughput (1 = as fast). */
  double coldToLocalRatio() {
    return coldRead.megabytesPerSecond() / localRead.megabytesPerSecond();
  }

  /** Warm remote read throughput as a share of local read throughput (1 = as fast). */
  double warmToLocalRatio() {
    return warmRead.megabytesPerSecond() / localRead.megabytesPerSecond();
  }
}
