package io.stratus.dataplane.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.dataplane.substrate.SubstrateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortAllocatorTest {

  @Test
  void skipsPortsInUseAndPortsAlreadyHandedOut() {
    Iterator<Integer> probed = List.of(5000, 5000, 6000, 5001, 6000, 5002).iterator();
    var allocator = new PortAllocator(probed::next);

    var ports = allocator.reserve(Set.of(6000));
    var chosen = new ArrayList<Integer>();
    IntStream.range(0, 3).forEach(i -> chosen.add(ports.getAsInt()));

    assertThat(chosen).containsExactly(5000, 5001, 5002);
  }

  @Test
  void manyPortsAreDistinct() {
    var counter = new int[] {0};
    var allocator = new PortAllocator(() -> 10000 + (counter[0]++ % 40));

    var ports = allocator.reserve(Set.of(10000, 10001));
    var chosen = IntStream.range(0, 38).map(i -> ports.getAsInt()).boxed().toList();

    assertThat(chosen).doesNotHaveDuplicates().doesNotContain(10000, 10001).hasSize(38);
  }

  @Test
  void failsWithAReasonWhenNoFreshPortTurnsUp() {
    var allocator = new PortAllocator(() -> 7000);

    var ports = allocator.reserve(Set.of(7000));

    assertThatThrownBy(ports::getAsInt)
        .isInstanceOf(SubstrateException.class)
        .hasMessageContaining("could not find a free port");
  }

  @Test
  void nodesGetPortsBelowTheEphemeralRange(@TempDir Path dir) throws IOException {
    Path range = dir.resolve("ip_local_port_range");
    Files.writeString(range, "32768\t60999\n");
    assertThat(PortAllocator.serviceRange(range)).containsExactly(20768, 32767);

    Files.writeString(range, "1500 60999\n");
    assertThat(PortAllocator.serviceRange(range))
        .as("too little room below the range: the fixed fallback")
        .containsExactly(20000, 32767);
    assertThat(PortAllocator.serviceRange(dir.resolve("missing"))).containsExactly(20000, 32767);
  }

  @Test
  void theSystemAllocatorStaysBelowThisMachinesEphemeralRange() {
    int[] range = PortAllocator.serviceRange(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    var ports = PortAllocator.system().reserve(Set.of());
    for (int i = 0; i < 20; i++) {
      assertThat(ports.getAsInt()).isBetween(range[0], range[1]);
    }
  }
}
