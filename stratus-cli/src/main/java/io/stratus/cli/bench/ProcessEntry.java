package io.stratus.cli.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One process and its command line, as {@code /proc/<pid>/cmdline} holds it.
 *
 * @param pid the process id
 * @param arguments the program and its arguments; empty for kernel threads and zombies
 */
record ProcessEntry(long pid, List<String> arguments) {

  ProcessEntry {
    arguments = List.copyOf(arguments);
  }

  /** Reads the NUL-separated (and NUL-terminated) bytes of a {@code cmdline} file. */
  static ProcessEntry fromCmdline(long pid, byte[] cmdline) {
    String text = new String(cmdline, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return new ProcessEntry(pid, List.of());
    }
    // A trailing NUL ends the last argument; split drops the empty string after it.
    return new ProcessEntry(pid, Arrays.asList(text.split("\0")));
  }
}
