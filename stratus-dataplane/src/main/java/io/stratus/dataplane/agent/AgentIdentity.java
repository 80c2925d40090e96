package io.stratus.dataplane.agent;

import io.stratus.api.SealedSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * Who this agent is: a stable id and the key pair that tenant secrets are sealed to. Created on
 * first start in the agent's directory (the private key with mode 0600) and read back after.
 *
 * @param agentId the id the agent registers under
 * @param keys the sealing key pair
 */
public record AgentIdentity(String agentId, KeyPair keys) {

  private static final String KEY_FILE = "agent.key";

  /** This agent's public key as it is published. */
  public String publicKey() {
    return SealedSecrets.encodePublicKey(keys.getPublic());
  }

  /** Reads the identity from {@code directory}, creating it there on first use. */
  public static AgentIdentity loadOrCreate(Path directory, String agentId) {
    Path keyFile = directory.resolve(KEY_FILE);
    try {
      Files.createDirectories(directory);
      if (!Files.exists(keyFile)) {
        KeyPair created = SealedSecrets.newKeyPair();
        Path temporary = Files.createTempFile(directory, KEY_FILE, ".tmp");
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(
            temporary, Base64.getEncoder().encodeToString(created.getPrivate().getEncoded()));
        Files.move(temporary, keyFile, StandardCopyOption.ATOMIC_MOVE);
      }
      byte[] encoded =
          Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(encoded));
      RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
      var publicKey =
          rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
      return new AgentIdentity(agentId, new KeyPair(publicKey, privateKey));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the agent key " + keyFile, e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the agent key " + keyFile + " is damaged; remove it to create a new one", e);
    }
  }
}
