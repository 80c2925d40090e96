package io.stratus.controlplane.command;

import io.stratus.controlplane.model.ReadModel;

/**
 * A request turned into a decision against one image of the read model. Must be a pure function of
 * its arguments: it changes nothing, and everything it does happens when the {@link
 * CommandProcessor} carries out its decision.
 *
 * @param <T> the answer's type
 */
@FunctionalInterface
public interface Command<T> {

  /** What to do about the request, given what the control plane knows now. */
  Decision<T> decide(ReadModel model, CommandContext context);
}
