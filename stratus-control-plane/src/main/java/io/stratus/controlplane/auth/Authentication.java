package io.stratus.controlplane.auth;

/** The outcome of checking a request's credentials. */
public sealed interface Authentication {

  /** The request carries a valid REST API key. */
  record Authenticated(String keyId, String role) implements Authentication {}

  /** The request carries no valid key; {@code detail} says what to send instead. */
  record Refused(String detail) implements Authentication {}
}
