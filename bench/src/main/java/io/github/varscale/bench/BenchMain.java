package io.github.varscale.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmark jar's entry point: takes JMH's command line and runs the selected benchmarks one
 * method at a time, each after waiting (up to {@code -Dquiet.wait} seconds, default 20) for the
 * shared machine to be quiet; then prints (and writes to {@code -Dreport=FILE}, default {@code
 * jmh-report.md}) a Markdown report with ns per element, samples per second, ratios to the
 * memory-write bound and to the alternatives, and the targets checked. Listing and help
 * options go straight to JMH.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions options = new CommandLineOptions(args);
    if (options.shouldHelp()
        || options.shouldList()
        || options.shouldListWithParams()
        || options.shouldListProfilers()
        || options.shouldListResultFormats()) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    Instant start = Instant.now();
    String loadBefore = loadAverage();
    List<String> includes = options.getIncludes();
    List<RunResult> results = new ArrayList<>();
    for (BenchmarkListEntry benchmark : BenchmarkList.defaultList().find(
        OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
        includes.isEmpty() ? List.of(".*") : includes,
        options.getExcludes())) {
      Quiet.await(Integer.getInteger("quiet.wait", 20));
      List<String> only = new ArrayList<>();
      for (String arg : args) {
        if (!includes.contains(arg)) {
          only.add(arg);
        }
      }
      only.add("^" + Pattern.quote(benchmark.getUsername()) + "$");
      results.addAll(new Runner(new CommandLineOptions(only.toArray(String[]::new))).run());
    }
    Machine machine = Machine.describe(start, loadBefore, loadAverage(), String.join(" ", args));
    String report = new Report(results, machine).markdown();
    System.out.println();
    System.out.println(report);
    Files.writeString(Path.of(System.getProperty("report", "jmh-report.md")), report);
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unavailable (" + e.getMessage() + ")";
    }
  }
}
