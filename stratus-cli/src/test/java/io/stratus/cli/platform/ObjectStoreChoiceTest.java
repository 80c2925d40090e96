package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreChoiceTest {

  @TempDir Path data;

  @Test
  void byDefaultSegmentsStayUnencryptedInADirectoryOfTheDataDirectory() {
    ObjectStoreChoice choice =
        ObjectStoreChoice.resolve(data, Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(choice.location())
        .isEqualTo(new ObjectStoreLocation.Directory(data.resolve("object-store")));
    assertThat(choice.keyFile()).isEmpty();
    assertThat(data.resolve("object-store.key")).doesNotExist();
  }

  @Test
  void encryptionOnGeneratesAnOwnerOnlyKeyOnceAndKeepsIt() throws Exception {
    ObjectStoreChoice first =
        ObjectStoreChoice.resolve(data, Optional.empty(), Optional.of("on"), Optional.empty());
    Path key = data.resolve("object-store.key");
    byte[] generated = Files.readAllBytes(key);

    ObjectStoreChoice second =
        ObjectStoreChoice.resolve(data, Optional.empty(), Optional.of("on"), Optional.empty());

    assertThat(first.keyFile()).contains(key.toAbsolutePath());
    assertThat(second.keyFile()).isEqualTo(first.keyFile());
    assertThat(Base64.getDecoder().decode(generated)).hasSize(32);
    assertThat(Files.readAllBytes(key)).as("a restart keeps the key").isEqualTo(generated);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
  }

  @Test
  void aSuppliedKeyFileIsUsedAndTurnsEncryptionOn() throws Exception {
    Path key = Files.writeString(data.resolve("my.key"), "x".repeat(44));

    ObjectStoreChoice choice =
        ObjectStoreChoice.resolve(data, Optional.empty(), Optional.empty(), Optional.of(key));

    assertThat(choice.keyFile()).contains(key.toAbsolutePath());
    assertThat(data.resolve("object-store.key")).doesNotExist();
  }

  @Test
  void badFlagsAreRefusedNamingTheFlag() {
    assertThatThrownBy(
            () ->
                ObjectStoreChoice.resolve(
                    data, Optional.of("ftp://x"), Optional.empty(), Optional.empty()))
        .hasMessageStartingWith("--object-store: ");
    assertThatThrownBy(
            () ->
                ObjectStoreChoice.resolve(
                    data, Optional.empty(), Optional.of("maybe"), Optional.empty()))
        .hasMessageContaining("--object-store-encryption must be on or off");
    assertThatThrownBy(
            () ->
                ObjectStoreChoice.resolve(
                    data,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(data.resolve("missing.key"))))
        .hasMessageContaining("--object-store-key-file")
        .hasMessageContaining("does not exist");
  }

  @Test
  void aLaterStartMustTierToTheSamePlaceTheSameWay() {
    ObjectStoreChoice.resolve(data, Optional.empty(), Optional.empty(), Optional.empty());

    assertThatThrownBy(
            () ->
                ObjectStoreChoice.resolve(
                    data,
                    Optional.of("file:" + data.resolve("elsewhere")),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("keep their tiered data in file:" + data.resolve("object-store"));
    assertThatThrownBy(
            () ->
                ObjectStoreChoice.resolve(
                    data, Optional.empty(), Optional.of("on"), Optional.empty()))
        .hasMessageContaining("start with --object-store-encryption off");
  }
}
