package io.stratus.cli.bench.balancer;

import io.stratus.cli.CliEnvironment;
import io.stratus.cli.StratusCliException;
import io.stratus.cli.bench.Machine;
import io.stratus.cli.output.Bytes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stratus bench balancer}: plans the rebalance of a synthetic cluster that has just grown,
 * and compares the plan with what Kafka's own reassignment tool would do and with the fewest bytes
 * any plan must copy. Runs in this JVM; touches no broker.
 */
@Command(
    name = "balancer",
    sortOptions = false,
    description = {
      "Plan the rebalance of a synthetic cluster and compare it with Kafka's own tool. Four fifths"
          + " of the brokers hold every partition (RF 3, rack-aware, topics of 1 to 100"
          + " partitions, log-normal sizes and rates); one fifth are new and empty. The plan is"
          + " set against the placement 'kafka-reassign-partitions --generate' proposes for every"
          + " topic over every broker (Kafka's rack-aware round-robin), and against the lower"
          + " bound: the bytes overloaded brokers hold above 110 %% of the mean disk load.",
      "Without --scale, --brokers or --partitions it plans three clusters in turn: small (10"
          + " brokers, 2,000 partitions), medium (100, 20,000) and large (1,000, 200,000).",
      "Peak heap: after a full GC the heap pools' peaks are reset, the plan is made, and the"
          + " pools' peaks are summed: an upper bound on the heap in use while planning, the"
          + " cluster model included. The output states the JVM's maximum heap; the large"
          + " cluster fits in the default (a quarter of the machine's memory), or give one with"
          + " STRATUS_JAVA_OPTS=-Xmx4g.",
      "Prints a table and writes every figure as JSON; progress goes to stderr. Times are"
          + " measured, never judged."
    })
public final class BalancerBenchCommand implements Callable<Integer> {

  private final CliEnvironment environment;

  @Option(
      names = "--scale",
      paramLabel = "small|medium|large",
      converter = BenchScale.Converter.class,
      description = "One of the three preset sizes, instead of --brokers and --partitions.")
  private BenchScale scale;

  @Option(
      names = "--brokers",
      paramLabel = "N",
      description = "Brokers of the cluster, a fifth of them new (with --partitions).")
  private Integer brokers;

  @Option(
      names = "--partitions",
      paramLabel = "P",
      description = "Partitions of the cluster (with --brokers).")
  private Integer partitions;

  @Option(
      names = "--racks",
      paramLabel = "R",
      defaultValue = "3",
      description = "Racks the brokers are spread over (default: ${DEFAULT-VALUE}).")
  private int racks;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "Seed of the cluster, of the baseline's random start and of the optimizer"
              + " (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      defaultValue = "target/bench/balancer.json",
      description = "Where to write the figures as JSON (default: ${DEFAULT-VALUE}).")
  private Path json;

  @Spec private CommandSpec spec;

  BalancerBenchCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    List<BenchSize> sizes = sizes();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant startedAt = environment.clock().instant();
    Machine machine = Machine.current();
    long maxHeap = Runtime.getRuntime().maxMemory();
    out.printf(
        Locale.ROOT,
        "stratus bench balancer: %d processors, load average %.2f, JVM max heap %s%n",
        machine.availableProcessors(),
        machine.loadAverageAtStart(),
        Bytes.readable(maxHeap));
    List<BalancerBenchFigures> runs = new ArrayList<>();
    for (BenchSize size : sizes) {
      BalancerBenchFigures figures = new BalancerBenchRun(size, err).run();
      runs.add(figures);
      out.println();
      out.print(BalancerBenchTable.render(figures, environment.unicode()));
      out.flush();
    }
    try {
      BalancerBenchReport.of(startedAt, machine, maxHeap, runs).writeTo(json);
    } catch (IOException e) {
      throw new StratusCliException("cannot write " + json + ": " + e.getMessage());
    }
    out.println();
    out.println("Figures written to " + json);
    out.flush();
    return ExitCode.OK;
  }

  /** The clusters to plan, from the options; a usage error if they conflict. */
  List<BenchSize> sizes() {
    boolean explicit = brokers != null || partitions != null;
    if (explicit && scale != null) {
      throw new StratusCliException(
          "give either --scale or --brokers and --partitions, not both", ExitCode.USAGE);
    }
    if (explicit && (brokers == null || partitions == null)) {
      throw new StratusCliException(
          "--brokers and --partitions go together; give both, or --scale", ExitCode.USAGE);
    }
    if (explicit) {
      return List.of(new BenchSize(brokers, partitions, racks, seed));
    }
    List<BenchScale> scales = scale != null ? List.of(scale) : List.of(BenchScale.values());
    return scales.stream()
        .map(s -> new BenchSize(s.brokers(), s.partitions(), racks, seed))
        .toList();
  }
}
