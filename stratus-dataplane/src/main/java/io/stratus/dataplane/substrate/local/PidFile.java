package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.SubstrateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads and writes a node's {@code node.pid}: its process id in decimal. Thread-safe. */
final class PidFile {

  private PidFile() {}

  /** The pid in the file; empty if there is no file or it does not hold a pid. */
  static OptionalLong read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new SubstrateException("cannot read " + file + ": " + e, e);
    }
  }

  /** The pid in the text; empty unless it is one positive decimal number. */
  static OptionalLong parse(String content) {
    String text = content.strip();
    if (!text.matches("[0-9]{1,18}")) {
      return OptionalLong.empty();
    }
    long pid = Long.parseLong(text);
    return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
  }

  static void write(Path file, long pid) {
    FileOperations.writeAtomically(file, pid + "\n", false);
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new SubstrateException("cannot delete " + file + ": " + e, e);
    }
  }
}
