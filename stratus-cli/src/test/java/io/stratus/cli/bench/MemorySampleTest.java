package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemorySampleTest {

  @Test
  void addsUpEachRoleAndTheTotalInMebibytes() {
    MemorySample sample =
        MemorySample.of(
            Map.of(
                ProcessRole.PLATFORM, List.of(new ProcStatus(300 * 1024, 310 * 1024)),
                ProcessRole.SYSTEM_KAFKA, List.of(new ProcStatus(400 * 1024, 420 * 1024)),
                ProcessRole.TENANT_BROKER,
                    List.of(
                        new ProcStatus(500 * 1024, 520 * 1024),
                        new ProcStatus(510 * 1024, 530 * 1024),
                        new ProcStatus(490 * 1024, 540 * 1024))));

    assertThat(sample.rssMiB()).isEqualTo(new RoleMemory(300, 400, 1500, 0, 2200));
    assertThat(sample.hwmMiB()).isEqualTo(new RoleMemory(310, 420, 1590, 0, 2320));
    assertThat(sample.processes()).isEqualTo(new ProcessCounts(1, 1, 3, 0));
  }

  @Test
  void roundsToATenthFromTheExactSum() {
    MemorySample sample =
        MemorySample.of(
            Map.of(
                ProcessRole.PLATFORM, List.of(new ProcStatus(1075, 1075)),
                ProcessRole.OTHER, List.of(new ProcStatus(1075, 1075))));

    assertThat(sample.rssMiB().platform()).as("1075 KiB").isEqualTo(1.0);
    assertThat(sample.rssMiB().other()).isEqualTo(1.0);
    assertThat(sample.rssMiB().total()).as("2150 KiB, not 1.0 + 1.0").isEqualTo(2.1);
  }

  @Test
  void noProcessesHoldNoMemory() {
    MemorySample sample = MemorySample.of(Map.of());

    assertThat(sample.rssMiB()).isEqualTo(new RoleMemory(0, 0, 0, 0, 0));
    assertThat(sample.processes()).isEqualTo(new ProcessCounts(0, 0, 0, 0));
  }
}
