package io.github.varscale.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Where and when a run happened: the facts a reader needs to weigh its numbers. */
record Machine(
    String cpu,
    int processors,
    String jdk,
    String os,
    Instant start,
    Instant end,
    String loadBefore,
    String loadAfter,
    String arguments) {

  static Machine describe(Instant start, String loadBefore, String loadAfter, String arguments) {
    return new Machine(
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        start.truncatedTo(ChronoUnit.SECONDS),
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        loadBefore,
        loadAfter,
        arguments);
  }

  /** The CPU's model name from {@code /proc/cpuinfo}. */
  static String cpuModel() {
    try {
      return Files.readString(Path.of("/proc/cpuinfo"))
          .lines()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
