package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryMeterTest {

  private static final Path DATA = Path.of("/tmp/stratus-bench-9/data");
  private static final String NODE = "-Dstratus.node.config=" + DATA;

  @TempDir Path root;

  @Test
  void countsThePlatformAndEveryProcessNamingItsDataDirectoryByRole() {
    new FakeProc(root)
        .process(
            50,
            300 * 1024,
            350 * 1024,
            "java",
            "io.stratus.cli.Main",
            "up",
            "--data-dir",
            DATA.toString())
        .process(
            51, 400 * 1024, 450 * 1024, "java", NODE + "/system/system/nodes/0/server.properties")
        .process(
            52, 500 * 1024, 520 * 1024, "java", NODE + "/clusters/lkc-a/nodes/0/server.properties")
        .process(
            53, 500 * 1024, 530 * 1024, "java", NODE + "/clusters/lkc-a/nodes/1/server.properties")
        .process(60, 900 * 1024, 900 * 1024, "java", "-Dstratus.node.config=/tmp/other/data/x")
        .process(61, 100 * 1024, 100 * 1024, "bash")
        .kernelThread(2);
    MemoryMeter meter = new MemoryMeter(new ProcFileSystem(root), new DataDirectoryMatch(DATA), 50);

    MemorySample sample = meter.sample();

    assertThat(sample.processes()).isEqualTo(new ProcessCounts(1, 1, 2, 0));
    assertThat(sample.rssMiB()).isEqualTo(new RoleMemory(300, 400, 1000, 0, 1700));
    assertThat(sample.hwmMiB()).isEqualTo(new RoleMemory(350, 450, 1050, 0, 1850));
  }

  @Test
  void countsThePlatformByPidEvenIfItsCommandLineDoesNotNameTheDirectory() {
    new FakeProc(root).process(50, 1024, 2048, "java", "io.stratus.cli.Main", "up");

    MemorySample sample =
        new MemoryMeter(new ProcFileSystem(root), new DataDirectoryMatch(DATA), 50).sample();

    assertThat(sample.processes()).isEqualTo(new ProcessCounts(1, 0, 0, 0));
    assertThat(sample.rssMiB().total()).isEqualTo(1.0);
  }
}
