/**
 * {@code stratus bench tiered-storage}: the throughput of tiered storage on this machine.
 *
 * <p>{@link io.stratus.cli.bench.tiered.TieredStorageBenchCommand} runs a one-broker cluster on the
 * data plane's local substrate, tiering to a directory, writes the same data to a local-only and a
 * tiered topic, reads both from offset 0 (the tiered one with the broker's chunk cache cold, then
 * warm), and runs the plugin's upload in-process on the broker's closed segments. The figures, the
 * table, the JSON report and the option rules are pure and tested without brokers; {@code
 * BenchCluster}, {@code TopicProducer}, {@code TopicReader}, {@code TieringWatch} and {@code
 * PluginUpload} are the thin edges that touch Kafka and the plugin.
 */
package io.stratus.cli.bench.tiered;
