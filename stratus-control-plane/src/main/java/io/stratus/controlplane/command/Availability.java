package io.stratus.controlplane.command;

/** Whether the control plane serves requests, and if not, why. */
public sealed interface Availability {

  /** Why requests are or are not served, in words an operator can act on. */
  String detail();

  /** Whether requests are served. */
  default boolean serving() {
    return this instanceof Serving;
  }

  /** Still reading the state log from its beginning; nothing is served yet. */
  record CatchingUp() implements Availability {
    @Override
    public String detail() {
      return "the control plane is catching up with its state log; try again shortly";
    }
  }

  /** Caught up and accepting requests. */
  record Serving() implements Availability {
    @Override
    public String detail() {
      return "ok";
    }
  }

  /** Stopped for good, for example fenced by another instance. */
  record Stopped(String detail) implements Availability {}
}
