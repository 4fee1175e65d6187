package io.github.varscale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuTimesTest {

  @Test
  void theMachinesBusyTimeIsAllButIdleAndIowait() {
    String stat = """
        cpu  100 20 30 4000 500 6 7 8 0 0
        cpu0 50 10 15 2000 250 3 3 4 0 0
        intr 12345
        """;
    assertEquals(100 + 20 + 30 + 6 + 7 + 8, CpuTimes.machineBusy(stat));
  }

  @Test
  void aFileWithoutTheTotalLineIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> CpuTimes.machineBusy("cpu0 50 10 15 2000 250 3 3 4 0 0\n"));
  }

  @Test
  void aProcessesTimeIsUtimePlusStimeWhateverItsCommandName() {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 900 0 3 0 1234 56 7 8 20 0 31";
    assertEquals(1234 + 56, CpuTimes.process(stat));
  }

  @Test
  void thisMachinesProcFilesParse() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
    long self = CpuTimes.self();
    long machine = CpuTimes.machineBusy();
    assertTrue(self >= 0 && machine >= self, "machine " + machine + ", self " + self);
  }
}
