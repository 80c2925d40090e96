package io.stratus.dataplane.substrate.local;

import java.util.Optional;

/**
 * What the operating system says about one process id at one moment.
 *
 * @param pid the process id
 * @param alive whether a process with this id runs
 * @param commandLine its command line, possibly truncated; empty if unknown
 */
record ProcessSnapshot(long pid, boolean alive, Optional<String> commandLine) {

  /** No process has this id. */
  static ProcessSnapshot gone(long pid) {
    return new ProcessSnapshot(pid, false, Optional.empty());
  }

  /** What the operating system says about the process now. */
  static ProcessSnapshot of(ProcessHandle handle) {
    return new ProcessSnapshot(handle.pid(), handle.isAlive(), handle.info().commandLine());
  }
}
