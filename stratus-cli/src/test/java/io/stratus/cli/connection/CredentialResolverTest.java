package io.stratus.cli.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.cli.StratusCliException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialResolverTest {

  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          CredentialResolver.URL_VARIABLE, "http://env:7070",
          CredentialResolver.KEY_VARIABLE, "env-key");

  @TempDir Path dataDir;

  @Test
  void flagsWinOverEnvironmentAndFile() throws IOException {
    CredentialsFile.write(dataDir, new Credentials("http://file:7070", "file-key"));

    Connection connection =
        CredentialResolver.resolve(
            Optional.of("http://flag:7070"), Optional.of("flag-key"), ENVIRONMENT, dataDir);

    assertThat(connection).isEqualTo(new Connection(URI.create("http://flag:7070"), "flag-key"));
  }

  @Test
  void environmentWinsOverFile() throws IOException {
    CredentialsFile.write(dataDir, new Credentials("http://file:7070", "file-key"));

    Connection connection =
        CredentialResolver.resolve(Optional.empty(), Optional.empty(), ENVIRONMENT, dataDir);

    assertThat(connection).isEqualTo(new Connection(URI.create("http://env:7070"), "env-key"));
  }

  @Test
  void fileSuppliesWhatNothingElseDoes() throws IOException {
    CredentialsFile.write(dataDir, new Credentials("http://file:7070/", "file-key"));

    Connection connection =
        CredentialResolver.resolve(Optional.empty(), Optional.empty(), Map.of(), dataDir);

    assertThat(connection)
        .as("the trailing slash is dropped so paths can be appended")
        .isEqualTo(new Connection(URI.create("http://file:7070"), "file-key"));
  }

  @Test
  void eachFieldComesFromItsOwnFirstSource() throws IOException {
    CredentialsFile.write(dataDir, new Credentials("http://file:7070", "file-key"));

    Connection connection =
        CredentialResolver.resolve(
            Optional.of("http://flag:7070"),
            Optional.empty(),
            Map.of(CredentialResolver.URL_VARIABLE, "http://env:7070"),
            dataDir);

    assertThat(connection).isEqualTo(new Connection(URI.create("http://flag:7070"), "file-key"));
  }

  @Test
  void blankVariablesCountAsAbsent() throws IOException {
    CredentialsFile.write(dataDir, new Credentials("http://file:7070", "file-key"));

    Connection connection =
        CredentialResolver.resolve(
            Optional.empty(),
            Optional.empty(),
            Map.of(CredentialResolver.URL_VARIABLE, " ", CredentialResolver.KEY_VARIABLE, ""),
            dataDir);

    assertThat(connection.apiKey()).isEqualTo("file-key");
  }

  @Test
  void missingCredentialsAreAUsageErrorThatSaysWhatToDo() {
    assertThatThrownBy(
            () ->
                CredentialResolver.resolve(
                    Optional.of("http://flag:7070"), Optional.empty(), Map.of(), dataDir))
        .isInstanceOf(MissingCredentialsException.class)
        .hasMessageContaining("API key")
        .hasMessageContaining("./stratus up")
        .hasMessageContaining("--api-url and --api-key")
        .hasMessageContaining(dataDir.resolve("credentials.json").toString())
        .satisfies(e -> assertThat(((StratusCliException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void aUrlThatIsNotHttpIsAUsageError() {
    assertThatThrownBy(
            () ->
                CredentialResolver.resolve(
                    Optional.of("127.0.0.1:7070"), Optional.of("k"), Map.of(), dataDir))
        .isInstanceOf(StratusCliException.class)
        .hasMessageContaining("'127.0.0.1:7070' is not an http:// or https:// URL")
        .satisfies(e -> assertThat(((StratusCliException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void theFileIsWrittenForItsOwnerOnlyAndToleratesUnknownFields() throws IOException {
    CredentialsFile.write(dataDir, new Credentials("http://127.0.0.1:7070", "k"));

    assertThat(Files.getPosixFilePermissions(CredentialsFile.in(dataDir)))
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");

    Files.writeString(
        CredentialsFile.in(dataDir),
        "{\"apiUrl\":\"http://h:1\",\"apiKey\":\"k2\",\"note\":\"written by hand\"}");
    assertThat(CredentialsFile.read(dataDir)).contains(new Credentials("http://h:1", "k2"));
  }

  @Test
  void anUnreadableFileSaysWhichFile() throws IOException {
    Files.writeString(CredentialsFile.in(dataDir), "not json");

    assertThatThrownBy(() -> CredentialsFile.read(dataDir))
        .isInstanceOf(StratusCliException.class)
        .hasMessageContaining("cannot read " + CredentialsFile.in(dataDir));
  }
}
