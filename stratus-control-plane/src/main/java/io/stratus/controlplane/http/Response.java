package io.stratus.controlplane.http;

import io.stratus.api.Problem;
import java.util.Map;
import java.util.Objects;

/** An answer of the REST API before it is written to the wire. */
sealed interface Response {

  /** The HTTP status. */
  int status();

  /** Headers besides {@code Content-Type}. */
  Map<String, String> headers();

  /** A JSON body. */
  record Json(int status, Object body, Map<String, String> headers) implements Response {
    public Json {
      Objects.requireNonNull(body, "body");
      headers = Map.copyOf(headers);
    }

    public Json(int status, Object body) {
      this(status, body, Map.of());
    }
  }

  /** An {@code application/problem+json} body. */
  record Failure(Problem problem, Map<String, String> headers) implements Response {
    public Failure {
      Objects.requireNonNull(problem, "problem");
      headers = Map.copyOf(headers);
    }

    public Failure(Problem problem) {
      this(problem, Map.of());
    }

    @Override
    public int status() {
      return problem.status();
    }
  }
}
