package io.github.varscale.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmark jar's entry point. It takes JMH's command line and does what JMH's own {@code
 * Main} does, with two additions: before each benchmark method it waits (up to {@code
 * -Dquiet.wait} seconds, default 20) for the shared machine to be quiet ({@link Quiet}), and at the
 * end it prints, and writes to {@code -Dreport=FILE} (default {@code jmh-report.md}), the {@link
 * Report}. Everything else (forks, iterations, profilers, {@code -rf json}, JMH's own result
 * table) is JMH's; listing and help options go straight to JMH's {@code Main}.
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
    ForeignCpuProfiler.orderProblem(
            options.getProfilers().stream().map(ProfilerConfig::getKlass).toList())
        .ifPresent(problem -> {
          throw new IllegalArgumentException(problem);
        });
    Instant start = Instant.now();
    String loadBefore = loadAverage();
    List<String> includes = options.getIncludes();
    // One JMH run per method, so that Quiet can wait in between. JMH merges a builder's includes
    // with its parent options' (OptionsBuilder.parent), so each run gets the command line with its
    // patterns replaced by the one method's.
    List<String> otherArgs = new ArrayList<>(List.of(args));
    otherArgs.removeAll(includes);
    List<Figure> figures = new ArrayList<>();
    for (BenchmarkListEntry benchmark : BenchmarkList.defaultList().find(
        OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
        includes.isEmpty() ? List.of(".*") : includes,
        options.getExcludes())) {
      Quiet.await(Integer.getInteger("quiet.wait", 20));
      List<String> one = new ArrayList<>(otherArgs);
      one.add("^" + Pattern.quote(benchmark.getUsername()) + "$");
      for (RunResult run : new Runner(new CommandLineOptions(one.toArray(String[]::new))).run()) {
        Optional<Figure> figure = Figure.of(run);
        figure.ifPresentOrElse(figures::add, () -> System.out.println("# "
            + run.getParams().getBenchmark() + ": no size parameter, so not in the report"));
      }
    }
    Machine machine = Machine.describe(start, loadBefore, loadAverage(), String.join(" ", args));
    String report = Report.markdown(machine, new Report(figures, Targets.GOALS));
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
