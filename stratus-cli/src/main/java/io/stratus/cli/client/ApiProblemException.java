package io.stratus.cli.client;

import io.stratus.cli.StratusCliException;

/** The API refused a request and said why (RFC 9457 problem details): exit code 1. */
public final class ApiProblemException extends StratusCliException {

  private final int status;

  ApiProblemException(int status, String detail) {
    super(detail + " (HTTP " + status + ")");
    this.status = status;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }
}
