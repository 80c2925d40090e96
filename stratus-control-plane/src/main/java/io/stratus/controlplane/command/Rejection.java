package io.stratus.controlplane.command;

import io.stratus.controlplane.validation.Violation;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a command was refused, in words a user can act on.
 *
 * @param reason the kind of refusal
 * @param detail what was wrong and what to do instead
 * @param field the request field at fault, when the refusal is about one field
 */
public record Rejection(Reason reason, String detail, Optional<String> field) {

  public Rejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(field, "field");
  }

  /** The kinds of refusal. */
  public enum Reason {
    /** The request breaks a rule. */
    INVALID,
    /** The request names something that does not exist. */
    NOT_FOUND,
    /** The request contradicts the current state: a stale version, a taken name. */
    CONFLICT,
    /**
     * The cluster is busy with a lifecycle operation and takes one at a time; the same request may
     * succeed once it is done.
     */
    BUSY,
    /** The control plane cannot act now; the same request may succeed later. */
    UNAVAILABLE
  }

  /** A request that breaks a rule. */
  public static Rejection invalid(Violation violation) {
    return new Rejection(Reason.INVALID, violation.detail(), Optional.of(violation.field()));
  }

  /** A request that names something that does not exist. */
  public static Rejection notFound(String detail) {
    return new Rejection(Reason.NOT_FOUND, detail, Optional.empty());
  }

  /** A request that contradicts the current state of one field. */
  public static Rejection conflict(String field, String detail) {
    return new Rejection(Reason.CONFLICT, detail, Optional.of(field));
  }

  /** A request that contradicts the current state. */
  public static Rejection conflict(String detail) {
    return new Rejection(Reason.CONFLICT, detail, Optional.empty());
  }

  /** A lifecycle change asked of a cluster still busy with another. */
  public static Rejection busy(String detail) {
    return new Rejection(Reason.BUSY, detail, Optional.empty());
  }

  /** A request the control plane cannot carry out now. */
  public static Rejection unavailable(String detail) {
    return new Rejection(Reason.UNAVAILABLE, detail, Optional.empty());
  }
}
