/**
 * {@code stratus bench}: whole-system figures measured on this machine, printed as a table and
 * written as JSON. Benchmarks never pass or fail on a time.
 *
 * <p>{@code stratus bench platform} runs {@code stratus up} as a child JVM, as a user would, and
 * measures how long it takes to become healthy, how long a dedicated cluster takes to become READY,
 * how much memory the platform and its Kafka processes hold, and whether stopping it leaves any
 * process behind. The figures ({@link io.stratus.cli.bench.PlatformRun}, {@link
 * io.stratus.cli.bench.PlatformMedians}), their table and the reading of {@code /proc} are pure and
 * tested without processes; {@link io.stratus.cli.bench.PlatformRunner} and {@link
 * io.stratus.cli.bench.StratusUpProcess} are the thin edges that run them.
 *
 * <p>{@code stratus bench tiered-storage} lives in {@code io.stratus.cli.bench.tiered}.
 */
package io.stratus.cli.bench;
