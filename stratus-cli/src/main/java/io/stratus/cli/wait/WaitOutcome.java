package io.stratus.cli.wait;

/** What one look at a cluster says about a wait. */
public sealed interface WaitOutcome {

  /** The condition holds: stop waiting, successfully. */
  record Done() implements WaitOutcome {}

  /**
   * Not yet.
   *
   * @param progress what the cluster is doing, for the progress line
   */
  record Pending(String progress) implements WaitOutcome {}

  /**
   * The condition can no longer come true without help.
   *
   * @param reason why, in words the user can act on
   */
  record Failed(String reason) implements WaitOutcome {}
}
