package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFileSystemTest {

  @TempDir Path root;

  @Test
  void listsProcessesWithACommandLineAndReadsTheirMemory() throws IOException {
    new FakeProc(root).process(10, 2048, 4096, "java", "-version").kernelThread(2);
    Files.createDirectories(root.resolve("self"));
    Files.createDirectories(root.resolve("sys"));
    Files.writeString(root.resolve("meminfo"), "MemTotal: 1 kB\n");
    ProcFileSystem proc = new ProcFileSystem(root);

    assertThat(proc.processes())
        .as("only numeric entries, kernel threads left out")
        .containsExactly(new ProcessEntry(10, List.of("java", "-version")));
    assertThat(proc.status(10)).contains(new ProcStatus(2048, 4096));
  }

  @Test
  void aProcessThatIsGoneHasNoStatus() {
    assertThat(new ProcFileSystem(root).status(99)).isEmpty();
  }

  @Test
  void aProcessThatVanishesWhileListedIsLeftOut() throws IOException {
    Files.createDirectories(root.resolve("77"));
    assertThat(new ProcFileSystem(root).processes()).as("no cmdline file").isEmpty();
  }

  @Test
  void knowsWhetherItIsAProcFileSystem() throws IOException {
    assertThat(new ProcFileSystem(root).available()).isFalse();
    new FakeProc(root).process(1, 1, 1, "init");
    assertThat(new ProcFileSystem(root).available()).isTrue();
  }
}
