package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.SubstrateException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops processes, children or not: SIGTERM to all at once, a grace period for them to exit, then
 * SIGKILL to the rest. Thread-safe.
 */
final class ProcessTerminator {

  private static final Duration KILL_WAIT = Duration.ofSeconds(15);

  private ProcessTerminator() {}

  /**
   * Stops the processes and returns when all have exited.
   *
   * @return the pids that had to be killed because they outlived the grace period
   * @throws SubstrateException if a process survives SIGKILL
   */
  static List<Long> terminate(Collection<ProcessHandle> processes, Duration grace) {
    processes.forEach(ProcessHandle::destroy);
    awaitExit(processes, grace);
    List<ProcessHandle> survivors = processes.stream().filter(ProcessHandle::isAlive).toList();
    survivors.forEach(ProcessHandle::destroyForcibly);
    awaitExit(survivors, KILL_WAIT);
    List<Long> undead =
        survivors.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    if (!undead.isEmpty()) {
      throw new SubstrateException(
          "processes "
              + undead
              + " still run "
              + KILL_WAIT.toSeconds()
              + "s after SIGKILL; inspect them with ps and kill them by hand");
    }
    return survivors.stream().map(ProcessHandle::pid).toList();
  }

  private static void awaitExit(Collection<ProcessHandle> processes, Duration timeout) {
    if (processes.isEmpty()) {
      return;
    }
    var exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // The caller looks at which processes are still alive.
    } catch (ExecutionException e) {
      throw new SubstrateException("waiting for processes to exit failed: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SubstrateException("interrupted while waiting for processes to exit", e);
    }
  }
}
