package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

  private static final String JAVA_PROCESS =
      """
      Name:\tjava
      State:\tS (sleeping)
      Pid:\t8327
      VmPeak:\t 5123456 kB
      VmSize:\t 5023456 kB
      VmHWM:\t  412340 kB
      VmRSS:\t  398012 kB
      RssAnon:\t  380000 kB
      Threads:\t61
      """;

  @Test
  void readsResidentMemoryAndItsPeakInKibibytes() {
    assertThat(ProcStatus.parse(JAVA_PROCESS)).contains(new ProcStatus(398_012, 412_340));
  }

  @Test
  void isEmptyForProcessesWithoutMemoryFigures() {
    String kernelThread = "Name:\tkthreadd\nState:\tS (sleeping)\nPid:\t2\nThreads:\t1\n";
    String zombieWithRssOnly = "Name:\tjava\nState:\tZ (zombie)\nVmRSS:\t 0 kB\n";

    assertThat(ProcStatus.parse(kernelThread)).as("a kernel thread").isEmpty();
    assertThat(ProcStatus.parse(zombieWithRssOnly)).as("no VmHWM line").isEmpty();
    assertThat(ProcStatus.parse("")).as("an empty file").isEmpty();
  }

  @Test
  void ignoresFiguresItCannotRead() {
    assertThat(ProcStatus.parse("VmRSS:\t 12 MB\nVmHWM:\t 13 kB\n")).as("another unit").isEmpty();
    assertThat(ProcStatus.parse("VmRSS:\t many kB\nVmHWM:\t 13 kB\n")).as("not a number").isEmpty();
  }

  @Test
  void doesNotMistakeOtherFieldsForTheFiguresItReads() {
    String text = "RssAnon:\t 1 kB\nVmRSS:\t 200 kB\nVmHWMx:\t 3 kB\nVmHWM:\t 300 kB\n";

    assertThat(ProcStatus.parse(text)).contains(new ProcStatus(200, 300));
  }
}
