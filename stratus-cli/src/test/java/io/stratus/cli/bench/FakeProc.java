package io.stratus.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code /proc} laid out in a directory, with the processes a test puts there. Test support. */
final class FakeProc {

  private final Path root;

  FakeProc(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** Adds a process with this command line and memory (in KiB). */
  FakeProc process(long pid, long rssKib, long hwmKib, String... arguments) {
    String status =
        "Name:\tjava\nState:\tS (sleeping)\nPid:\t"
            + pid
            + "\nVmHWM:\t "
            + hwmKib
            + " kB\nVmRSS:\t "
            + rssKib
            + " kB\nThreads:\t12\n";
    return write(pid, String.join("\0", arguments) + "\0", status);
  }

  /** Adds a kernel thread: an empty command line and no memory figures. */
  FakeProc kernelThread(long pid) {
    return write(pid, "", "Name:\tkworker\nState:\tI (idle)\nPid:\t" + pid + "\n");
  }

  private FakeProc write(long pid, String cmdline, String status) {
    try {
      Path directory = Files.createDirectories(root.resolve(Long.toString(pid)));
      Files.write(directory.resolve("cmdline"), cmdline.getBytes(StandardCharsets.UTF_8));
      Files.writeString(directory.resolve("status"), status);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
