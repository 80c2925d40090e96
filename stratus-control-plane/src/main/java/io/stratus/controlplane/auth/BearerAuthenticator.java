package io.stratus.controlplane.auth;

import io.stratus.controlplane.model.PlatformKey;
import io.stratus.controlplane.model.ReadModel;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks {@code Authorization: Bearer <keyId>.<secret>} against the REST API keys of the read
 * model. An unknown key id and a wrong secret are refused alike and take the same work, so that a
 * caller learns nothing about which key ids exist. Never logs or returns the token. Thread-safe.
 */
public final class BearerAuthenticator {

  private static final String SCHEME = "Bearer ";
  private static final String NO_SUCH_HASH = SecretHash.of("no such key");

  private final Supplier<ReadModel> model;

  /** An authenticator against the current image of {@code model}. */
  public BearerAuthenticator(Supplier<ReadModel> model) {
    this.model = model;
  }

  /** Checks the value of the request's {@code Authorization} header, if it had one. */
  public Authentication authenticate(Optional<String> authorization) {
    if (authorization.isEmpty()) {
      return new Authentication.Refused(
          "this call needs an API key: send the header 'Authorization: Bearer <api key>'");
    }
    String header = authorization.get().trim();
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return new Authentication.Refused(
          "the Authorization header must use the Bearer scheme: 'Authorization: Bearer <api key>'");
    }
    Optional<PlatformToken> token = PlatformToken.parse(header.substring(SCHEME.length()).trim());
    if (token.isEmpty()) {
      return new Authentication.Refused(
          "the API key is not valid: expected <key id>.<secret> as issued by the platform");
    }
    Optional<PlatformKey> key = model.get().platformKey(token.get().keyId());
    boolean secretMatches =
        SecretHash.matches(
            token.get().secret(), key.map(PlatformKey::secretHash).orElse(NO_SUCH_HASH));
    if (key.isEmpty() || !secretMatches) {
      return new Authentication.Refused("the API key is not valid");
    }
    return new Authentication.Authenticated(key.get().keyId(), key.get().role());
  }
}
