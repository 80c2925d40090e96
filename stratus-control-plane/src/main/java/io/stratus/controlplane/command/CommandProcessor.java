package io.stratus.controlplane.command;

import io.stratus.controlplane.log.EventLog;
import io.stratus.controlplane.log.EventLogException;
import io.stratus.controlplane.log.LogContents;
import io.stratus.controlplane.log.StatusRecord;
import io.stratus.controlplane.log.WriterLostException;
import io.stratus.controlplane.model.ReadModel;
import io.stratus.controlplane.model.ReadModelDelta;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that changes the control plane's state. It rebuilds the read model from the log,
 * then runs commands one at a time: decide against the current image, append the decided records in
 * one transaction, replay them, answer. Status records from the agents are replayed on the same
 * thread, so every decision sees a consistent image and version checks cannot race.
 *
 * <p>Thread-safe: any thread may submit work and read {@link #model()} and {@link #availability()},
 * which are swapped atomically and never locked.
 */
public final class CommandProcessor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

  private final EventLog log;
  private final CommandContext context;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread t = new Thread(runnable, "stratus-control-plane-commands");
            t.setDaemon(true);
            return t;
          });
  private volatile ReadModel model = ReadModel.EMPTY;
  private volatile Availability availability = new Availability.CatchingUp();

  /** A processor of the state in {@code log}; it does nothing until {@link #start()}. */
  public CommandProcessor(EventLog log, CommandContext context) {
    this.log = log;
    this.context = context;
  }

  /** The current image of the read model. */
  public ReadModel model() {
    return model;
  }

  /** Whether requests are served now. */
  public Availability availability() {
    return availability;
  }

  /**
   * Opens the log, rebuilds the read model from both topics, finishes deletions the agents have
   * completed meanwhile, and starts serving. The future fails with an {@link EventLogException} if
   * the log cannot be opened or read.
   */
  public CompletableFuture<Void> start() {
    return CompletableFuture.runAsync(this::rebuild, thread);
  }

  /**
   * Runs the command on the command thread. The outcome is {@link Outcome.Refused} when the command
   * is refused, the control plane does not serve, or the log could not be written; the future fails
   * only if the command itself throws.
   */
  public <T> CompletableFuture<Outcome<T>> execute(Command<T> command) {
    try {
      return CompletableFuture.supplyAsync(() -> run(command), thread);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(
          new Outcome.Refused<>(Rejection.unavailable("the control plane is shutting down")));
    }
  }

  /** Replays status records on the command thread, then finishes deletions they complete. */
  public void replayStatus(List<StatusRecord> records) {
    try {
      thread.execute(
          () -> {
            model = model.replayStatus(records);
            finishDeletions();
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("not replaying {} status records: shutting down", records.size());
    }
  }

  private void rebuild() {
    log.open();
    LogContents contents = log.readToEnd();
    ReadModelDelta delta = ReadModel.EMPTY.delta();
    contents.desired().forEach(delta::replay);
    contents.status().forEach(delta::replay);
    model = delta.apply();
    LOG.info(
        "rebuilt the read model from {}: {} desired and {} status records, {}",
        log.describe(),
        contents.desired().size(),
        contents.status().size(),
        model);
    availability = new Availability.Serving();
    finishDeletions();
  }

  private <T> Outcome<T> run(Command<T> command) {
    Availability now = availability;
    if (!now.serving()) {
      return new Outcome.Refused<>(Rejection.unavailable(now.detail()));
    }
    return carryOut(command.decide(model, context));
  }

  private <T> Outcome<T> carryOut(Decision<T> decision) {
    if (decision instanceof Decision.Rejected<T> rejected) {
      return new Outcome.Refused<>(rejected.rejection());
    }
    Decision.Accepted<T> accepted = (Decision.Accepted<T>) decision;
    if (!accepted.records().isEmpty()) {
      try {
        log.append(accepted.records());
      } catch (WriterLostException e) {
        availability = new Availability.Stopped(e.getMessage());
        LOG.error("stopped accepting writes: {}", e.getMessage());
        return new Outcome.Refused<>(Rejection.unavailable(e.getMessage()));
      } catch (EventLogException e) {
        LOG.warn("a write to the state log failed: {}", e.getMessage());
        return new Outcome.Refused<>(Rejection.unavailable(e.getMessage() + "; try again shortly"));
      }
      model = model.replayDesired(accepted.records());
    }
    return new Outcome.Done<>(accepted.response());
  }

  private void finishDeletions() {
    if (!availability.serving()) {
      return;
    }
    Outcome<List<String>> outcome = carryOut(DeletionCompletion.decide(model));
    if (outcome instanceof Outcome.Done<List<String>> done) {
      done.value().forEach(id -> LOG.info("[cluster={}] deletion finished", id));
    } else {
      // Tried again with the next status record; agents report regularly.
      LOG.warn(
          "could not finish deletions: {}",
          ((Outcome.Refused<List<String>>) outcome).rejection().detail());
    }
  }

  /** Stops the command thread after the work already submitted. */
  @Override
  public void close() {
    if (availability.serving()) {
      availability = new Availability.Stopped("the control plane is shutting down");
    }
    thread.shutdown();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
