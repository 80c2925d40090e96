package io.stratus.controlplane.validation;

import java.util.Objects;

/**
 * A rule a request broke.
 *
 * @param field the request field at fault ({@code name}, {@code config.num.partitions}, {@code
 *     body} for the body as a whole)
 * @param detail what was wrong and what is allowed, in words a user can act on
 */
public record Violation(String field, String detail) {
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(detail, "detail");
  }
}
