package io.github.varscale.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the processor costs a build: javac on N generated model classes of eight annotated fields,
 * seven ways (see {@link Way}). The fifth compiles the processor's output without the processor,
 * separating the cost of the generated code from the processor's own; the last two compile
 * hand-written stand-ins ({@link FloorSources}) that show what any generated code costs at least. By default javac runs in
 * this JVM, warmed up by a few untimed compilations; with {@code --cold} each compilation is a new
 * {@code javac} process, as in a build, where javac and the processor both start cold. The ways
 * are interleaved so that a noisy moment hits them all; the figure is the median. Sizes 100, 300
 * and 1000 test that the cost grows linearly. What javac writes stays in memory ({@link
 * MemoryOutput}), or for a cold javac goes to a RAM-backed directory where there is one: the
 * figures are javac's and the processor's work, not the disk's.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.github.varscale.bench.ProcessorCost \
 *     [--cold] [reps] [sizes...]
 * </pre>
 *
 * <p>javac sees only the runtime jar on its class path, and the processor's jars on its processor
 * path, both copied by the build into {@code bench/target/javac/}.
 */
public final class ProcessorCost {

  /** The compilations of the same sources. */
  enum Way {
    PLAIN("-proc:none, class files"),
    PARSE_ONLY("-proc:only, no processor"),
    PROCESS_ONLY("-proc:only, with the processor"),
    FULL("with the processor, class files"),
    PLAIN_WITH_GENERATED("-proc:none, class files, the generated sources given as sources"),
    PLAIN_WITH_EMPTY("-proc:none, class files, plus an empty class per model (FloorSources)"),
    PLAIN_WITH_API_MINIMUM(
        "-proc:none, class files, plus API.md's least initializer per model (FloorSources)");

    final String description;

    Way(String description) {
      this.description = description;
    }

    boolean runsProcessor() {
      return this == PROCESS_ONLY || this == FULL;
    }
  }

  /** Untimed compilations first: in-process, javac's own JIT warm-up; cold, the file cache. */
  private static final int WARMUPS_IN_PROCESS = 3;
  private static final int WARMUPS_COLD = 1;

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final boolean cold;
  private final String classPath;
  private final String processorPath;
  private final Path work;
  private final Path noProcessors;

  private ProcessorCost(boolean cold, String classPath, String processorPath, Path work)
      throws IOException {
    this.cold = cold;
    this.classPath = classPath;
    this.processorPath = processorPath;
    this.work = work;
    this.noProcessors = Files.createDirectories(work.resolve("no-processors"));
  }

  public static void main(String[] args) throws Exception {
    boolean cold = args.length > 0 && args[0].equals("--cold");
    int first = cold ? 1 : 0;
    int reps = args.length > first ? Integer.parseInt(args[first]) : 9;
    int[] sizes = args.length > first + 1
        ? Arrays.stream(args, first + 1, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {100, 300, 1000};
    Path javacDir = jarDirectory().resolve("javac");
    ProcessorCost cost = new ProcessorCost(
        cold,
        jars(javacDir.resolve("classpath")),
        jars(javacDir.resolve("processorpath")),
        Files.createTempDirectory(scratchRoot(), "varscale-processor-cost"));
    String loadBefore = BenchMain.loadAverage();
    Map<Integer, Map<Way, List<Double>>> times = new java.util.LinkedHashMap<>();
    for (int n : sizes) {
      times.put(n, cost.measure(n, reps));
    }
    deleteTree(cost.work);
    System.out.println(report(cold, times, reps, loadBefore, BenchMain.loadAverage()));
  }

  /**
   * Where the sources and a cold javac's output go: a RAM-backed directory where there is one,
   * so that the timings are javac's work rather than the disk's (see {@link MemoryOutput}).
   */
  private static Path scratchRoot() {
    Path shm = Path.of("/dev/shm");
    return Files.isDirectory(shm) && Files.isWritable(shm)
        ? shm
        : Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Times each way {@code reps} times on {@code n} fresh model classes; milliseconds. */
  private Map<Way, List<Double>> measure(int n, int reps) throws IOException {
    Path sources = work.resolve("n" + n + "/src");
    List<Path> files = ModelSources.write(sources, n);
    Map<Way, List<Path>> inputs = new EnumMap<>(Way.class);
    for (Way way : Way.values()) {
      inputs.put(way, files);
    }
    inputs.put(Way.PLAIN_WITH_GENERATED,
        concat(files, generate(files, work.resolve("n" + n + "/generated"))));
    inputs.put(Way.PLAIN_WITH_EMPTY,
        concat(files, FloorSources.empty(work.resolve("n" + n + "/empty"), n)));
    inputs.put(Way.PLAIN_WITH_API_MINIMUM,
        concat(files, FloorSources.apiMinimum(work.resolve("n" + n + "/minimum"), n)));
    Map<Way, List<Double>> millis = new EnumMap<>(Way.class);
    for (int rep = -(cold ? WARMUPS_COLD : WARMUPS_IN_PROCESS); rep < reps; rep++) {
      for (Way way : Way.values()) {
        double ms = compile(way, inputs.get(way), n);
        if (rep >= 0) {
          millis.computeIfAbsent(way, w -> new ArrayList<>()).add(ms);
        }
      }
    }
    return millis;
  }

  private static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> both = new ArrayList<>(a);
    both.addAll(b);
    return both;
  }

  /** Runs the processor once, keeping what it writes in {@code dir}; returns those sources. */
  private List<Path> generate(List<Path> files, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> options = List.of("--release", "17", "-classpath", classPath,
        "-processorpath", processorPath, "-proc:only", "-s", dir.toString());
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = standardFileManager(diagnostics)) {
      if (!javac(fm, options, files, diagnostics)) {
        throw new IllegalStateException("the processor failed: " + diagnostics.getDiagnostics());
      }
    }
    try (Stream<Path> written = Files.walk(dir)) {
      return written.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }

  /** One compilation; milliseconds. Fails unless it did what {@code way} says. */
  private double compile(Way way, List<Path> files, int n) throws IOException {
    List<String> options = new ArrayList<>(List.of(
        "--release", "17",
        "-classpath", classPath,
        "-processorpath", way.runsProcessor() ? processorPath : noProcessors.toString()));
    switch (way) {
      case PLAIN, PLAIN_WITH_GENERATED, PLAIN_WITH_EMPTY, PLAIN_WITH_API_MINIMUM ->
          options.add("-proc:none");
      case PARSE_ONLY, PROCESS_ONLY -> options.add("-proc:only");
      case FULL -> options.add("-proc:full");
      default -> throw new AssertionError(way);
    }
    Run run = cold ? forked(way, options, files) : inProcess(way, options, files);
    int expectedSources = way.runsProcessor() ? n : 0;
    if (run.sources() != expectedSources) {
      throw new IllegalStateException(way + " wrote " + run.sources() + " sources, expected "
          + expectedSources + ": is the processor on " + processorPath + "?");
    }
    if ((run.classFiles() > 0) != (way != Way.PARSE_ONLY && way != Way.PROCESS_ONLY)) {
      throw new IllegalStateException(way + " wrote " + run.classFiles() + " class files");
    }
    return run.millis();
  }

  /** What one compilation took and wrote. */
  private record Run(double millis, long sources, long classFiles) {}

  /** javac in this JVM, warmed up by the runs before, its output kept in memory. */
  private Run inProcess(Way way, List<String> options, List<Path> files) throws IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = standardFileManager(diagnostics)) {
      MemoryOutput output = new MemoryOutput(fm);
      long start = System.nanoTime();
      boolean ok = javac(output, options, fm.getJavaFileObjectsFromPaths(files), diagnostics);
      double ms = (System.nanoTime() - start) * 1e-6;
      if (!ok) {
        throw new IllegalStateException(way + " failed: " + diagnostics.getDiagnostics());
      }
      return new Run(ms, output.sources(), output.classFiles());
    }
  }

  /**
   * The JDK's {@code javac} command in a new JVM, as a build runs it: javac and the processor both
   * start cold. The timing includes the JVM's start.
   */
  private Run forked(Way way, List<String> options, List<Path> files)
      throws IOException {
    Path out = Files.createTempDirectory(work, way.name());
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    List<String> arguments = new ArrayList<>(options);
    arguments.addAll(List.of("-d", classes.toString(), "-s", generated.toString()));
    files.forEach(file -> arguments.add(file.toString()));
    Path argFile = Files.write(out.resolve("arguments"), arguments);
    Path log = out.resolve("log");
    long start = System.nanoTime();
    Process javacProcess = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "@" + argFile)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    int exit;
    try {
      exit = javacProcess.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    double ms = (System.nanoTime() - start) * 1e-6;
    if (exit != 0) {
      throw new IllegalStateException(way + " failed: " + Files.readString(log));
    }
    Run run = new Run(ms, countFiles(generated), countFiles(classes));
    deleteTree(out);
    return run;
  }

  private StandardJavaFileManager standardFileManager(
      DiagnosticCollector<JavaFileObject> diagnostics) {
    return javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
  }

  private boolean javac(JavaFileManager fm, List<String> options,
      Iterable<? extends JavaFileObject> files, DiagnosticCollector<JavaFileObject> diagnostics) {
    return javac.getTask(null, fm, diagnostics, options, null, files).call();
  }

  private boolean javac(StandardJavaFileManager fm, List<String> options, List<Path> files,
      DiagnosticCollector<JavaFileObject> diagnostics) {
    return javac(fm, options, fm.getJavaFileObjectsFromPaths(files), diagnostics);
  }

  private static String report(boolean cold, Map<Integer, Map<Way, List<Double>>> times, int reps,
      String loadBefore, String loadAfter) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "javac %s %s, %d timed runs per cell after %d"
            + " warm-ups, %d fields per class; /proc/loadavg before `%s`, after `%s`%n%n",
        System.getProperty("java.runtime.version"),
        cold ? "cold (a new javac process each time)" : "in-process (warm)", reps,
        cold ? WARMUPS_COLD : WARMUPS_IN_PROCESS, ModelSources.FIELDS, loadBefore, loadAfter));
    out.append("| classes | way | median ms | min–max ms | ms per class | × plain |\n");
    out.append("|---:|---|---:|---:|---:|---:|\n");
    times.forEach((n, byWay) -> byWay.forEach((way, ms) -> out.append(String.format(Locale.ROOT,
        "| %d | %s | %.0f | %.0f–%.0f | %.3f | %.2f |%n", n, way.description, median(ms),
        Collections.min(ms), Collections.max(ms), median(ms) / n,
        median(ms) / median(byWay.get(Way.PLAIN))))));
    out.append("\n| classes | processing: (process-only − parse-only) / plain | full / plain"
        + " | of which the generated code: (plain with generated − plain) / plain"
        + " | and the processor: (full − plain with generated) / plain"
        + " | floor: an empty class per model / plain | floor: API.md's least / plain |\n");
    out.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    times.forEach((n, byWay) -> {
      double plain = median(byWay.get(Way.PLAIN));
      double withGenerated = median(byWay.get(Way.PLAIN_WITH_GENERATED));
      double full = median(byWay.get(Way.FULL));
      out.append(String.format(Locale.ROOT,
          "| %d | %+.0f%% | %.2f× | %+.0f%% | %+.0f%% | %.2f× | %.2f× |%n", n,
          100 * (median(byWay.get(Way.PROCESS_ONLY)) - median(byWay.get(Way.PARSE_ONLY))) / plain,
          full / plain, 100 * (withGenerated - plain) / plain,
          100 * (full - withGenerated) / plain,
          median(byWay.get(Way.PLAIN_WITH_EMPTY)) / plain,
          median(byWay.get(Way.PLAIN_WITH_API_MINIMUM)) / plain));
    });
    out.append(linearity(times));
    return out.toString();
  }

  /**
   * Fits {@code t = a + b n} through the smallest and the largest size, and compares each size in
   * between with the line: a cost that grows faster than linearly lies above it.
   */
  private static String linearity(Map<Integer, Map<Way, List<Double>>> times) {
    List<Integer> sizes = times.keySet().stream().sorted().collect(Collectors.toList());
    if (sizes.size() < 2) {
      return "";
    }
    int lo = sizes.get(0);
    int hi = sizes.get(sizes.size() - 1);
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%nLine through %d and %d classes, t = a + b·n:%n%n| way | a ms | b ms/class | "
            + "measured / line at the sizes between |%n|---|---:|---:|---|%n", lo, hi));
    for (Way way : Way.values()) {
      double tLo = median(times.get(lo).get(way));
      double tHi = median(times.get(hi).get(way));
      double b = (tHi - tLo) / (hi - lo);
      double a = tLo - b * lo;
      String between = sizes.subList(1, sizes.size() - 1).stream()
          .map(n -> String.format(Locale.ROOT, "%d: %.2f", n,
              median(times.get(n).get(way)) / (a + b * n)))
          .collect(Collectors.joining(", "));
      out.append(String.format(Locale.ROOT, "| %s | %.0f | %.3f | %s |%n", way.description, a, b,
          between.isEmpty() ? "–" : between));
    }
    return out.toString();
  }

  private static double median(List<Double> values) {
    return Stats.median(values);
  }

  private static Path jarDirectory() throws URISyntaxException {
    return Path.of(ProcessorCost.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getParent();
  }

  private static String jars(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      String path = files.filter(f -> f.toString().endsWith(".jar")).sorted()
          .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
      if (path.isEmpty()) {
        throw new IllegalStateException("no jars in " + dir + ": build with mvn package first");
      }
      return path;
    }
  }

  private static long countFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(p);
      }
    }
  }
}
