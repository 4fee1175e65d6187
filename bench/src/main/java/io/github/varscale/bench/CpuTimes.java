package io.github.varscale.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time from Linux's {@code /proc}, in jiffies (USER_HZ, 100 per second). */
final class CpuTimes {

  static final double HZ = 100.0;

  private CpuTimes() {}

  /** Busy jiffies of all CPUs since boot. */
  static long machineBusy() {
    return machineBusy(read("/proc/stat"));
  }

  /** utime + stime of this process since it started, all its threads. */
  static long self() {
    return process(read("/proc/self/stat"));
  }

  /**
   * The busy jiffies in {@code /proc/stat}'s first line ({@code cpu user nice system idle iowait
   * irq softirq steal ...}): user + nice + system + irq + softirq + steal, that is all but idle
   * and iowait.
   */
  static long machineBusy(String procStat) {
    String[] f = procStat.lines().findFirst().orElseThrow().trim().split("\\s+");
    if (!f[0].equals("cpu")) {
      throw new IllegalArgumentException("not /proc/stat's total line: " + f[0]);
    }
    return Long.parseLong(f[1])
        + Long.parseLong(f[2])
        + Long.parseLong(f[3])
        + Long.parseLong(f[6])
        + Long.parseLong(f[7])
        + Long.parseLong(f[8]);
  }

  /** utime + stime (fields 14 and 15) of a {@code /proc/<pid>/stat} line. */
  static long process(String procPidStat) {
    // The fields after the command name, which is in parentheses and may hold spaces and ')'.
    String[] f = procPidStat.substring(procPidStat.lastIndexOf(')') + 2).split(" ");
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
