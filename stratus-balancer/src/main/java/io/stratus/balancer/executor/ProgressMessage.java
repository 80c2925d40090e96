package io.stratus.balancer.executor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Puts an execution's progress into words for a user. Pure and thread-safe. */
final class ProgressMessage {

  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

  private ProgressMessage() {}

  /**
   * {@code draft} with its message.
   *
   * @param adopted whether the execution took over reassignments found running after a restart
   * @param cancelled moves in flight that ending the execution cancelled
   * @param failure why the execution failed, if it did
   * @param cleanupPending whether throttles or cancellations are still to be done
   */
  static ExecutionProgress withMessage(
      ExecutionProgress draft,
      boolean adopted,
      int cancelled,
      Optional<String> failure,
      boolean cleanupPending) {
    String message = describe(draft, adopted, cancelled, failure);
    if (cleanupPending) {
      message += "; removing the replication throttle";
    }
    return new ExecutionProgress(
        draft.planId(),
        draft.phase(),
        draft.replicaMovesTotal(),
        draft.replicaMovesDone(),
        draft.leadershipMovesTotal(),
        draft.leadershipMovesDone(),
        draft.partitionsSkipped(),
        draft.bytesTotal(),
        draft.bytesDone(),
        draft.inFlightCount(),
        draft.inFlight(),
        draft.percentDone(),
        draft.started(),
        draft.finished(),
        message,
        draft.lastError());
  }

  private static String describe(
      ExecutionProgress p, boolean adopted, int cancelled, Optional<String> failure) {
    switch (p.phase()) {
      case IDLE:
        return "no balance plan is running";
      case MOVING_REPLICAS:
        return (adopted ? "finishing reassignments found running after a restart: " : "")
            + "moving partitions: "
            + p.replicaMovesDone()
            + " of "
            + p.replicaMovesTotal()
            + " done"
            + bytes(p)
            + ", "
            + p.inFlightCount()
            + " in flight"
            + skipped(p);
      case MOVING_LEADERS:
        return "moving leaders: "
            + p.leadershipMovesDone()
            + " of "
            + p.leadershipMovesTotal()
            + " done"
            + (p.replicaMovesTotal() > 0
                ? ", after moving " + p.replicaMovesDone() + " partitions"
                : "")
            + skipped(p);
      case DONE:
        return "done in "
            + duration(p.started(), p.finished())
            + ": moved "
            + String.join(" and ", done(p))
            + skipped(p);
      case STOPPED:
        return "stopped: " + summary(p, cancelled);
      case FAILED:
        return "failed: " + failure.orElse("unknown reason") + "; " + summary(p, cancelled);
      default:
        throw new IllegalArgumentException("unknown phase " + p.phase());
    }
  }

  /** What a finished plan moved: its partitions and its leaders, whichever it had. */
  private static List<String> done(ExecutionProgress p) {
    List<String> parts = new ArrayList<>();
    if (p.replicaMovesTotal() > 0 || p.leadershipMovesTotal() == 0) {
      parts.add(
          p.replicaMovesDone()
              + " partitions"
              + (p.bytesDone() > 0 ? " (" + bytes(p.bytesDone()) + ")" : ""));
    }
    if (p.leadershipMovesTotal() > 0) {
      parts.add(p.leadershipMovesDone() + " leaders");
    }
    return parts;
  }

  /** What a stopped or failed plan moved, of what it meant to. */
  private static String summary(ExecutionProgress p, int cancelled) {
    List<String> parts = new ArrayList<>();
    if (p.replicaMovesTotal() > 0 || p.leadershipMovesTotal() == 0) {
      parts.add(p.replicaMovesDone() + " of " + p.replicaMovesTotal() + " partitions" + bytes(p));
    }
    if (p.leadershipMovesTotal() > 0) {
      parts.add(p.leadershipMovesDone() + " of " + p.leadershipMovesTotal() + " leaders");
    }
    return "moved "
        + String.join(" and ", parts)
        + (cancelled > 0 ? ", cancelled " + cancelled + " in flight" : "")
        + skipped(p);
  }

  private static String bytes(ExecutionProgress p) {
    return p.bytesTotal() > 0
        ? " (" + bytes(p.bytesDone()) + " of " + bytes(p.bytesTotal()) + ")"
        : "";
  }

  private static String skipped(ExecutionProgress p) {
    return p.partitionsSkipped() > 0
        ? ", " + p.partitionsSkipped() + " skipped because the cluster changed since planning"
        : "";
  }

  /** Bytes in decimal units with one decimal, e.g. {@code 1.2 GB}. */
  static String bytes(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 999.95 && unit < UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /** A duration in its two largest units, e.g. {@code 2m 10s}. */
  static String duration(Optional<Instant> from, Optional<Instant> to) {
    if (from.isEmpty() || to.isEmpty()) {
      return "an unknown time";
    }
    Duration d = Duration.between(from.get(), to.get());
    if (d.toHours() > 0) {
      return d.toHours() + "h " + d.toMinutesPart() + "m";
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + "m " + d.toSecondsPart() + "s";
    }
    return d.toSeconds() + "s";
  }
}
