package io.stratus.cli.bench;

import java.io.PrintWriter;

/**
 * Makes sure an interrupted bench (Ctrl-C, SIGTERM) leaves nothing running: a JVM shutdown hook
 * runs the teardown of whatever the bench is watching (brokers run in sessions of their own, so a
 * Ctrl-C in the terminal does not reach them). Close the guard when the bench ends. Thread-safe.
 */
public final class RunGuard implements AutoCloseable {

  private final PrintWriter err;
  private final Thread hook;
  private Runnable teardown;
  private volatile boolean shuttingDown;

  /** Installs the shutdown hook. */
  public RunGuard(PrintWriter err) {
    this.err = err;
    this.hook = new Thread(this::onShutdown, "stratus-bench-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** What to run if the JVM stops before {@link #release()}. */
  public synchronized void watch(Runnable teardown) {
    this.teardown = teardown;
  }

  /** The bench tore down what it started; nothing is left to do on shutdown. */
  public synchronized void release() {
    this.teardown = null;
  }

  /**
   * Whether the JVM is shutting down: a failure of the bench is then the hook stopping the broker,
   * not something to report.
   */
  public boolean shuttingDown() {
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
    Runnable pending;
    synchronized (this) {
      pending = teardown;
    }
    if (pending == null) {
      return;
    }
    err.println("bench interrupted: stopping what the bench started...");
    err.flush();
    pending.run();
    err.flush();
  }
}
