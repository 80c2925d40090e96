package io.stratus.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceRequestReceipt;
import io.stratus.api.BalanceState;
import io.stratus.api.BalanceStatus;
import io.stratus.api.BalancingMode;
import io.stratus.cli.CliEnvironment;
import io.stratus.cli.StratusCliException;
import io.stratus.cli.client.ApiClient;
import io.stratus.cli.client.ApiResponse;
import io.stratus.cli.connection.ConnectionOptions;
import io.stratus.cli.output.AnswerPrinter;
import io.stratus.cli.output.BalanceProgressBar;
import io.stratus.cli.output.Glyphs;
import io.stratus.cli.output.OutputOptions;
import io.stratus.cli.wait.Durations;
import io.stratus.cli.wait.ProgressLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratus cluster balance ID}: a cluster's balance status, and requests to its balancer (a
 * dry-run plan, a rebalance now, a stop) or a change of its balancing mode. Requests go through
 * {@code POST /v1/clusters/{id}/balance}; the data plane's balancer names the request in its status
 * once it has acted on it, which is what {@code --dry-run} and {@code --wait} wait for.
 */
@Command(
    name = "balance",
    description = {
      "Show how a cluster's load is spread over its brokers: the balancer's state, each broker's"
          + " load, the goals, the last plan and the progress of a rebalance.",
      "With an option, ask the balancer to plan (--dry-run), rebalance now (--rebalance) or stop"
          + " (--stop), follow it (--watch), or change when it acts on its own (--mode)."
    })
final class ClusterBalanceCommand implements Callable<Integer> {

  /** How often {@code --dry-run} and {@code --wait} look at the status. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  /** How often {@code --watch} looks at the status. */
  static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);

  /** How long {@code --dry-run} waits for the plan unless {@code --timeout} says otherwise. */
  static final Duration DRY_RUN_TIMEOUT = Duration.ofSeconds(60);

  /** How long {@code --wait} waits unless {@code --timeout} says otherwise. */
  static final Duration WAIT_TIMEOUT = Duration.ofMinutes(10);

  private final CliEnvironment environment;

  @Parameters(paramLabel = "ID", description = "The cluster id (lkc-...).")
  private String id;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private Action action;

  @Option(
      names = "--wait",
      description =
          "With --rebalance or --stop: follow the balancer until it has done it, showing progress"
              + " on stderr.")
  private boolean wait;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long --dry-run (default: 60s) or --wait (default: 10m) waits at most, e.g. 90s,"
              + " 10m.")
  private Duration timeout;

  @Mixin private ConnectionOptions connection;
  @Mixin private OutputOptions output;
  @Spec private CommandSpec spec;

  ClusterBalanceCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  /** The one thing the command is asked to do besides showing the status. */
  static final class Action {
    @Option(
        names = "--dry-run",
        description =
            "Ask the balancer for a plan and show it with the partitions it would move; nothing"
                + " moves.")
    boolean dryRun;

    @Option(
        names = "--rebalance",
        description = "Ask the balancer to plan and carry out a rebalance now, whatever the mode.")
    boolean rebalance;

    @Option(names = "--stop", description = "Ask the balancer to stop the rebalance it runs.")
    boolean stop;

    @Option(
        names = "--watch",
        description =
            "Show the status again whenever it changes, looking every 2s, until the balancer is"
                + " BALANCED, STOPPED or FAILED (or Ctrl-C).")
    boolean watch;

    @Option(
        names = "--mode",
        paramLabel = "MODE",
        converter = BalancingModeConverter.class,
        description =
            "Change when the balancer moves partitions on its own: "
                + BalancingModeConverter.CHOICES
                + ".")
    BalancingMode mode;
  }

  @Override
  public Integer call() {
    checkCombinations();
    ApiClient api = new ApiClient(connection.resolve(environment.variables()));
    AnswerPrinter printer = output.printer(spec.commandLine().getOut());
    Glyphs glyphs = Glyphs.of(environment.unicode());
    if (action == null) {
      printer.balance(api.getBalance(id), glyphs);
      return 0;
    }
    if (action.dryRun) {
      return dryRun(api, printer, glyphs);
    }
    if (action.rebalance || action.stop) {
      return request(
          api, printer, glyphs, action.rebalance ? BalanceAction.REBALANCE : BalanceAction.STOP);
    }
    if (action.watch) {
      return watch(api, printer, glyphs);
    }
    new BalancingModeChange(api, printer, glyphs).change(id, action.mode);
    return 0;
  }

  private void checkCombinations() {
    boolean request = action != null && (action.rebalance || action.stop);
    if (wait && !request) {
      throw new ParameterException(
          spec.commandLine(),
          "--wait goes with --rebalance or --stop; to follow the balancer, use --watch");
    }
    boolean waits = wait || (action != null && action.dryRun);
    if (timeout != null && !waits) {
      throw new ParameterException(spec.commandLine(), "--timeout goes with --dry-run or --wait");
    }
  }

  private int dryRun(ApiClient api, AnswerPrinter printer, Glyphs glyphs) {
    BalanceRequestReceipt receipt = api.requestBalance(id, BalanceAction.PLAN).value();
    ApiResponse<BalanceStatus> planned =
        follow(
            api,
            BalanceConditions.planned(receipt.requestId()),
            Optional.ofNullable(timeout).orElse(DRY_RUN_TIMEOUT),
            "the balancer of " + id + " to plan (request " + receipt.requestId() + ")");
    if (planned.value().lastPlan().isEmpty()) {
      throw new StratusCliException(
          "the balancer of "
              + id
              + " made no plan ("
              + planned.value().state()
              + "): "
              + reason(planned.value()));
    }
    printer.balancePlan(planned, glyphs);
    return 0;
  }

  private int request(
      ApiClient api, AnswerPrinter printer, Glyphs glyphs, BalanceAction requested) {
    ApiResponse<BalanceRequestReceipt> receipt = api.requestBalance(id, requested);
    if (!wait) {
      printer.balanceRequest(receipt);
      return 0;
    }
    String requestId = receipt.value().requestId();
    printer.note(
        "Asked the balancer of "
            + id
            + " to "
            + requested.wireName()
            + " (request "
            + requestId
            + ").");
    ApiResponse<BalanceStatus> done =
        follow(
            api,
            BalanceConditions.carriedOut(requestId),
            Optional.ofNullable(timeout).orElse(WAIT_TIMEOUT),
            "the balancer of "
                + id
                + " to "
                + requested.wireName()
                + " (request "
                + requestId
                + ")");
    printer.balance(done, glyphs);
    BalanceState state = done.value().state();
    boolean succeeded =
        requested == BalanceAction.REBALANCE
            ? state == BalanceState.BALANCED || state == BalanceState.UNBALANCED
            : state != BalanceState.FAILED;
    if (!succeeded) {
      throw new StratusCliException(
          "the "
              + requested.wireName()
              + " of "
              + id
              + " ended "
              + state
              + ": "
              + reason(done.value()));
    }
    return 0;
  }

  /** Polls with a progress line on stderr until {@code done} holds or the timeout passes. */
  private ApiResponse<BalanceStatus> follow(
      ApiClient api, Predicate<BalanceStatus> done, Duration limit, String goal) {
    ProgressLine progress =
        new ProgressLine(
            spec.commandLine().getErr(), environment.stderrIsTerminal(), environment.unicode());
    Instant start = environment.clock().instant();
    try {
      return new BalancePoller(environment.clock(), environment.sleeper(), POLL_INTERVAL)
          .poll(
              () -> api.getBalance(id),
              done,
              seen -> {
                // Like other waits, the line shows what is still pending, not the end.
                if (!done.test(seen.value())) {
                  progress.show(
                      progressText(seen.value()),
                      Duration.between(start, environment.clock().instant()));
                }
              },
              Optional.of(limit),
              goal);
    } finally {
      progress.finish();
    }
  }

  private int watch(ApiClient api, AnswerPrinter printer, Glyphs glyphs) {
    AtomicReference<JsonNode> shown = new AtomicReference<>();
    new BalancePoller(environment.clock(), environment.sleeper(), WATCH_INTERVAL)
        .poll(
            () -> api.getBalance(id),
            BalanceConditions.settled(),
            seen -> {
              if (!seen.json().equals(shown.get())) {
                if (shown.get() != null) {
                  printer.note("");
                }
                printer.balance(seen, glyphs);
                shown.set(seen.json());
              }
            },
            Optional.empty(),
            "the balancer of " + id + " to settle");
    return 0;
  }

  /** One line on what the balancer is doing, for the progress line. */
  static String progressText(BalanceStatus status) {
    String line = status.state().name();
    if (status.state() == BalanceState.MOVING && status.progress().isPresent()) {
      return line + " " + BalanceProgressBar.line(status.progress().get());
    }
    return status.message().isBlank() ? line : line + " — " + status.message();
  }

  private static String reason(BalanceStatus status) {
    return status.message().isBlank() ? "the balancer gave no reason" : status.message();
  }

  /** Reads {@code --timeout} values with {@link Durations#parse}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse(value);
    }
  }
}
