package io.stratus.controlplane.http;

import io.stratus.controlplane.command.Command;
import io.stratus.controlplane.command.CommandProcessor;
import io.stratus.controlplane.command.Outcome;
import io.stratus.controlplane.command.Rejection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs a command on the {@link CommandProcessor} for an HTTP thread and turns its outcome into a
 * response. Thread-safe.
 */
final class CommandCalls {

  private final CommandProcessor processor;
  private final Duration timeout;

  CommandCalls(CommandProcessor processor, Duration timeout) {
    this.processor = processor;
    this.timeout = timeout;
  }

  /** Runs the command and answers with {@code status} and its value, or with the refusal. */
  <T> Response call(Command<T> command, int status, Function<T, Map<String, String>> headers) {
    Outcome<T> outcome;
    try {
      outcome = processor.execute(command).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new Response.Failure(
          ProblemType.UNAVAILABLE.problem(
              "the control plane did not finish the request within "
                  + timeout.toSeconds()
                  + "s; it may still take effect, so read the resource again before retrying"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response.Failure(
          ProblemType.UNAVAILABLE.problem("the control plane is shutting down"));
    } catch (ExecutionException e) {
      throw new IllegalStateException("a command failed unexpectedly", e.getCause());
    }
    if (outcome instanceof Outcome.Done<T> done) {
      return new Response.Json(status, done.value(), headers.apply(done.value()));
    }
    return refusal(((Outcome.Refused<T>) outcome).rejection());
  }

  /** The problem answer of a refusal. */
  static Response refusal(Rejection rejection) {
    ProblemType type =
        switch (rejection.reason()) {
          case INVALID -> ProblemType.VALIDATION;
          case NOT_FOUND -> ProblemType.NOT_FOUND;
          case CONFLICT -> ProblemType.CONFLICT;
          case BUSY -> ProblemType.BUSY;
          case UNAVAILABLE -> ProblemType.UNAVAILABLE;
        };
    return new Response.Failure(type.problem(rejection.detail(), rejection.field()));
  }
}
