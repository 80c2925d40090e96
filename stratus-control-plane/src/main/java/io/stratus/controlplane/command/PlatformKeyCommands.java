package io.stratus.controlplane.command;

import io.stratus.api.DesiredEvent;
import io.stratus.controlplane.auth.PlatformToken;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.model.ReadModel;
import java.util.List;
import java.util.Optional;

/**
 * Decides issuing REST API keys. Only the key id and a hash of the secret are written; the full
 * token exists only in the answer. Pure and thread-safe.
 */
public final class PlatformKeyCommands {

  /** The role of a key that may do everything. */
  public static final String ADMIN_ROLE = "admin";

  /**
   * The platform's first admin key and its bearer token, or nothing when any key exists already.
   */
  public Decision<Optional<String>> issueInitialAdmin(ReadModel model, CommandContext context) {
    if (model.hasPlatformKeys()) {
      return Decision.accept(List.of(), Optional.empty());
    }
    PlatformToken token = PlatformToken.issue(context.secrets());
    DesiredEvent issued =
        new DesiredEvent.PlatformKeyIssued(
            token.keyId(), token.secretHash(), ADMIN_ROLE, context.now());
    return Decision.accept(List.of(new DesiredRecord.Put(issued)), Optional.of(token.bearer()));
  }
}
