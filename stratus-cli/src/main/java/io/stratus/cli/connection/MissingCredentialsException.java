package io.stratus.cli.connection;

import io.stratus.cli.StratusCliException;
import java.nio.file.Path;
import picocli.CommandLine.ExitCode;

/** No flag, variable or credentials file says where the API is or which key to use: exit 2. */
public final class MissingCredentialsException extends StratusCliException {

  MissingCredentialsException(String missing, Path credentialsFile) {
    super(
        "no Stratus "
            + missing
            + " (looked for --api-url/--api-key, "
            + CredentialResolver.URL_VARIABLE
            + "/"
            + CredentialResolver.KEY_VARIABLE
            + " and "
            + credentialsFile
            + "). Run `./stratus up` to start the platform, which writes the credentials file,"
            + " or pass --api-url and --api-key.",
        ExitCode.USAGE);
  }
}
