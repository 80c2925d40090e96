package io.stratus.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Makes sure an interrupted bench (Ctrl-C, SIGTERM) leaves nothing running: a JVM shutdown hook
 * tears down the run in progress, if any, and deletes its directory. Close it when the bench ends.
 * Thread-safe.
 */
final class RunGuard implements AutoCloseable {

  private final PrintWriter err;
  private final Thread hook;
  private PlatformTeardown teardown;
  private Path directory;
  private volatile boolean shuttingDown;

  /** Installs the shutdown hook. */
  RunGuard(PrintWriter err) {
    this.err = err;
    this.hook = new Thread(this::onShutdown, "stratus-bench-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The run now in progress: on shutdown, {@code teardown} runs and {@code directory} goes. */
  synchronized void watch(PlatformTeardown teardown, Path directory) {
    this.teardown = teardown;
    this.directory = directory;
  }

  /** The run has been torn down by the bench itself; nothing is left to do on shutdown. */
  synchronized void release() {
    this.teardown = null;
    this.directory = null;
  }

  /**
   * Whether the JVM is shutting down (the bench was interrupted): a failure of the run in progress
   * is then the hook stopping it, not something to report.
   */
  boolean shuttingDown() {
    return shuttingDown;
  }

  /** Removes the shutdown hook, unless the JVM is already shutting down. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down: the hook is running or has run.
    }
  }

  private void onShutdown() {
    shuttingDown = true;
    PlatformTeardown pending;
    Path pendingDirectory;
    synchronized (this) {
      pending = teardown;
      pendingDirectory = directory;
    }
    if (pending == null) {
      return;
    }
    err.println("bench interrupted: stopping the platform under test and its brokers...");
    err.flush();
    try {
      PlatformTeardown.Outcome outcome = pending.run();
      if (outcome.leftoverProcesses() > 0) {
        err.printf("stopped %d leftover processes%n", outcome.leftoverProcesses());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Directories.deleteRecursively(pendingDirectory);
    err.flush();
  }
}
