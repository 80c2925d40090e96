package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.SubstrateException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * Chooses ports for new nodes: free now, distinct from each other and from the ports other nodes of
 * this substrate already own, and below the operating system's ephemeral range. Ports in that range
 * are lent to outgoing connections: a client retrying a broker that is still starting can be given
 * the very port the broker is about to bind (even connecting to itself on it), and the broker then
 * fails to start. Thread-safe; each {@link #reserve} result is for one thread.
 */
final class PortAllocator {

  /** Asks the operating system for a port that is free right now. */
  @FunctionalInterface
  interface PortProbe {
    int freePort();
  }

  private static final int ATTEMPTS_PER_PORT = 200;

  private final PortProbe probe;

  PortAllocator(PortProbe probe) {
    this.probe = probe;
  }

  /** Probes random ports below the ephemeral range by binding a server socket to them. */
  static PortAllocator system() {
    int[] range = serviceRange(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    return new PortAllocator(
        () -> {
          int port = ThreadLocalRandom.current().nextInt(range[0], range[1] + 1);
          return isFree(port) ? port : -1;
        });
  }

  /**
   * The ports nodes are given: the 12,000 below the ephemeral range the file names (Linux's {@code
   * ip_local_port_range}), or 20000–32767 when it cannot be read or leaves too little room.
   */
  static int[] serviceRange(Path ephemeralRangeFile) {
    int[] fallback = {20_000, 32_767};
    try {
      String[] bounds = Files.readString(ephemeralRangeFile).trim().split("\\s+");
      int ephemeralLow = Integer.parseInt(bounds[0]);
      int low = Math.max(1024, ephemeralLow - 12_000);
      int high = ephemeralLow - 1;
      return high - low >= 1_000 ? new int[] {low, high} : fallback;
    } catch (IOException | RuntimeException e) {
      return fallback;
    }
  }

  private static boolean isFree(int port) {
    try (var socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
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
}
