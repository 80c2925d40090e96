package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.SubstrateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Chooses ports for new nodes: free now (the operating system hands them out), distinct from each
 * other and from the ports other nodes of this substrate already own. Thread-safe; each {@link
 * #reserve} result is for one thread.
 */
final class PortAllocator {

  /** Asks the operating system for a port that is free right now. */
  @FunctionalInterface
  interface PortProbe {
    int freePort();
  }

  private static final int ATTEMPTS_PER_PORT = 50;

  private final PortProbe probe;

  PortAllocator(PortProbe probe) {
    this.probe = probe;
  }

  /** Probes by binding a server socket on all interfaces to port 0. */
  static PortAllocator system() {
    return new PortAllocator(PortAllocator::bindEphemeral);
  }

  /**
   * A source of ports, each free when probed, never in {@code inUse} and never returned twice by
   * the same source.
   */
  IntSupplier reserve(Set<Integer> inUse) {
    Set<Integer> taken = new HashSet<>(inUse);
    return () -> {
      for (int attempt = 0; attempt < ATTEMPTS_PER_PORT; attempt++) {
        int port = probe.freePort();
        if (port > 0 && taken.add(port)) {
          return port;
        }
      }
      throw new SubstrateException(
          "could not find a free port in "
              + ATTEMPTS_PER_PORT
              + " attempts ("
              + taken.size()
              + " ports already taken); free some ports or stop unused clusters");
    };
  }

  private static int bindEphemeral() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a probe socket to find a free port", e);
    }
  }
}
