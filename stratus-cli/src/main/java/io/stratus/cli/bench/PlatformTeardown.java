package io.stratus.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops one platform under test the way a user does, with SIGTERM to {@code stratus up}, then
 * counts and stops whatever it left behind: any process still naming its data directory.
 * Thread-safe and idempotent: the first {@link #run()} does the work, later calls (from the bench
 * or its shutdown hook) get the same outcome.
 */
final class PlatformTeardown {

  /**
   * How the stop went.
   *
   * @param stopTime from SIGTERM until {@code stratus up} exited (or was killed)
   * @param exitCode its exit code; -1 if it could not be made to exit
   * @param leftoverProcesses processes naming the data directory that ran after it exited
   */
  record Outcome(Duration stopTime, int exitCode, int leftoverProcesses) {}

  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final StratusUpProcess up;
  private final ProcFileSystem proc;
  private final DataDirectoryMatch match;
  private final Duration stopTimeout;
  private Outcome outcome;

  /**
   * @param stopTimeout how long {@code stratus up} gets to exit after SIGTERM before it is killed
   */
  PlatformTeardown(
      StratusUpProcess up, ProcFileSystem proc, DataDirectoryMatch match, Duration stopTimeout) {
    this.up = up;
    this.proc = proc;
    this.match = match;
    this.stopTimeout = stopTimeout;
  }

  /** Stops the platform and any leftover process; returns how that went. */
  synchronized Outcome run() throws InterruptedException {
    if (outcome != null) {
      return outcome;
    }
    long started = System.nanoTime();
    Optional<Integer> exitCode = up.stop(stopTimeout);
    if (exitCode.isEmpty()) {
      exitCode = up.kill(KILL_WAIT);
    }
    Duration stopTime = Duration.ofNanos(System.nanoTime() - started);
    List<ProcessEntry> leftovers = proc.processes().stream().filter(match::matches).toList();
    for (ProcessEntry leftover : leftovers) {
      stop(leftover.pid());
    }
    outcome = new Outcome(stopTime, exitCode.orElse(-1), leftovers.size());
    return outcome;
  }

  /** SIGTERM, then SIGKILL if it is still there after a while. */
  private static void stop(long pid) throws InterruptedException {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return;
    }
    handle.get().destroy();
    try {
      handle.get().onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      handle.get().destroyForcibly();
    }
  }
}
