package io.github.varscale.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time from Linux's {@code /proc}, in jiffies (USER_HZ, 100 per second). */
final class CpuTimes {

  static final double HZ = 100.0;

  private CpuTimes() {}

  /** Busy jiffies of all CPUs: user + nice + system + irq + softirq + steal. */
  static long machineBusy() {
    String[] f = read("/proc/stat").lines().findFirst().orElseThrow().trim().split("\\s+");
    return Long.parseLong(f[1])
        + Long.parseLong(f[2])
        + Long.parseLong(f[3])
        + Long.parseLong(f[6])
        + Long.parseLong(f[7])
        + Long.parseLong(f[8]);
  }

  /** utime + stime of this process, all its threads. */
  static long self() {
    String stat = read("/proc/self/stat");
    // the fields after the command name, which is in parentheses and may hold spaces
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
