package io.github.varscale.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the processor costs a build: javac on N generated model classes, compiled several ways
 * (see {@link Way}), among them the alternative a user would write instead: the same models
 * initialized by hand in their constructors through the runtime API. The headline is the annotated
 * build (the processor and the code it generates) over that hand-written build; the other ways
 * split the cost between the processor and its generated code.
 *
 * <p>By default javac runs in this JVM, warmed up by a few untimed compilations; with {@code
 * --cold} each compilation is a new {@code javac} process, as in a build, where javac and the
 * processor both start cold. The ways are interleaved so that a noisy moment hits them all; the
 * figure is the median. Several sizes test that the cost grows linearly. What javac writes stays
 * in memory ({@link MemoryOutput}), or for a cold javac goes to a RAM-backed directory where there
 * is one: the figures are javac's and the processor's work, not the disk's.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.github.varscale.bench.ProcessorCost \
 *     [--cold] [--composed] [reps] [sizes...]
 * </pre>
 *
 * <p>{@code --composed} compiles {@link ComposedSources}' models (a Gpt of twelve blocks, through
 * {@code @Submodel}) instead of {@link ModelSources}'; their annotated sources need the version 2
 * runtime and processor. javac sees only the runtime jar on its class path, and the processor's
 * jars on its processor path, both copied by the build into {@code bench/target/javac/}.
 */
public final class ProcessorCost {

  /** The compilations of the same models. */
  enum Way {
    PLAIN("-proc:none, class files"),
    PARSE_ONLY("-proc:only, no processor"),
    PROCESS_ONLY("-proc:only, with the processor"),
    FULL("with the processor, class files"),
    PLAIN_WITH_GENERATED("-proc:none, class files, the generated sources given as sources"),
    HAND_WRITTEN("-proc:none, class files, the models initialized by hand, no annotations"),
    PLAIN_WITH_EMPTY("-proc:none, class files, plus an empty class per model (FloorSources)"),
    PLAIN_WITH_API_MINIMUM(
        "-proc:none, class files, plus the API's least initializer per model (FloorSources)");

    final String description;

    Way(String description) {
      this.description = description;
    }

    boolean runsProcessor() {
      return this == PROCESS_ONLY || this == FULL;
    }

    boolean writesClassFiles() {
      return this != PARSE_ONLY && this != PROCESS_ONLY;
    }
  }

  /** Which models are compiled. */
  enum Models {
    /** {@link ModelSources}: one class of eight tensor fields per model; the floors apply. */
    FLAT(ModelSources::model, 1),
    /** {@link ComposedSources}: a Gpt and its block class per model; version 2 only. */
    COMPOSED(ComposedSources::model, 2);

    /** Writes the classes of model {@code i}, with the annotations or initialized by hand. */
    @FunctionalInterface
    interface Writer {
      List<SourceFile> model(int i, boolean byHand);
    }

    private final Writer writer;

    /** Model classes per model, so initializers the processor writes per model. */
    final int classesPerModel;

    Models(Writer writer, int classesPerModel) {
      this.writer = writer;
      this.classesPerModel = classesPerModel;
    }

    /** {@code n} models declared with the annotations, for the processor. */
    List<SourceFile> annotated(int n) {
      return sources(n, false);
    }

    /** The same {@code n} models without annotations, initialized by hand. */
    List<SourceFile> handWritten(int n) {
      return sources(n, true);
    }

    /** Stand-ins for the generated code, each compiled with the annotated models. */
    Map<Way, List<SourceFile>> floors(int n) {
      Map<Way, List<SourceFile>> floors = new EnumMap<>(Way.class);
      if (this == FLAT) {
        floors.put(Way.PLAIN_WITH_EMPTY, FloorSources.empty(n));
        floors.put(Way.PLAIN_WITH_API_MINIMUM, FloorSources.apiMinimum(n));
      }
      return floors;
    }

    private List<SourceFile> sources(int n, boolean byHand) {
      List<SourceFile> files = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        files.addAll(writer.model(i, byHand));
      }
      return files;
    }
  }

  /** Untimed compilations first: in-process, javac's own JIT warm-up; cold, the file cache. */
  private static final int WARMUPS_IN_PROCESS = 3;
  private static final int WARMUPS_COLD = 1;

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final boolean cold;
  private final Models models;
  private final String classPath;
  private final String processorPath;
  private final Path work;
  private final Path noProcessors;

  private ProcessorCost(boolean cold, Models models, String classPath, String processorPath,
      Path work) throws IOException {
    this.cold = cold;
    this.models = models;
    this.classPath = classPath;
    this.processorPath = processorPath;
    this.work = work;
    this.noProcessors = Files.createDirectories(work.resolve("no-processors"));
  }

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    boolean cold = rest.remove("--cold");
    Models models = rest.remove("--composed") ? Models.COMPOSED : Models.FLAT;
    int reps = rest.isEmpty() ? 9 : Integer.parseInt(rest.remove(0));
    int[] sizes = rest.isEmpty()
        ? new int[] {100, 300, 1000}
        : rest.stream().mapToInt(Integer::parseInt).toArray();
    Path javacDir = jarDirectory().resolve("javac");
    ProcessorCost cost = new ProcessorCost(
        cold,
        models,
        jars(javacDir.resolve("classpath")),
        jars(javacDir.resolve("processorpath")),
        Files.createTempDirectory(scratchRoot(), "varscale-processor-cost"));
    String loadBefore = BenchMain.loadAverage();
    Map<Integer, Map<Way, List<Double>>> times = new LinkedHashMap<>();
    for (int n : sizes) {
      times.put(n, cost.measure(n, reps));
    }
    deleteTree(cost.work);
    System.out.printf(Locale.ROOT, "javac %s %s, %s models, %d timed runs per cell after %d"
            + " warm-ups, sizes %s; /proc/loadavg before `%s`, after `%s`%n%n",
        System.getProperty("java.runtime.version"),
        cold ? "cold (a new javac process each time)" : "in-process (warm)", models, reps,
        cold ? WARMUPS_COLD : WARMUPS_IN_PROCESS, Arrays.toString(sizes), loadBefore,
        BenchMain.loadAverage());
    System.out.println(new CostReport(times, Targets.GOALS).markdown());
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

  /** Times each way {@code reps} times on {@code n} fresh models; milliseconds. */
  private Map<Way, List<Double>> measure(int n, int reps) throws IOException {
    Path dir = work.resolve("n" + n);
    List<Path> annotated = SourceFile.writeAll(dir.resolve("annotated"), models.annotated(n));
    Map<Way, List<Path>> inputs = new EnumMap<>(Way.class);
    for (Way way : EnumSet.range(Way.PLAIN, Way.FULL)) {
      inputs.put(way, annotated);
    }
    inputs.put(Way.PLAIN_WITH_GENERATED,
        concat(annotated, generate(annotated, dir.resolve("generated"))));
    inputs.put(Way.HAND_WRITTEN,
        SourceFile.writeAll(dir.resolve("hand-written"), models.handWritten(n)));
    for (Map.Entry<Way, List<SourceFile>> floor : models.floors(n).entrySet()) {
      inputs.put(floor.getKey(), concat(annotated,
          SourceFile.writeAll(dir.resolve(floor.getKey().name()), floor.getValue())));
    }
    Set<Way> ways = inputs.keySet();
    Map<Way, List<Double>> millis = new EnumMap<>(Way.class);
    for (int rep = -(cold ? WARMUPS_COLD : WARMUPS_IN_PROCESS); rep < reps; rep++) {
      for (Way way : ways) {
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
      if (!javac(fm, options, fm.getJavaFileObjectsFromPaths(files), diagnostics)) {
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
    options.add(way.writesClassFiles() ? (way.runsProcessor() ? "-proc:full" : "-proc:none")
        : "-proc:only");
    Run run = cold ? forked(way, options, files) : inProcess(way, options, files);
    long expectedSources = way.runsProcessor() ? (long) n * models.classesPerModel : 0;
    if (run.sources() != expectedSources) {
      throw new IllegalStateException(way + " wrote " + run.sources() + " sources, expected "
          + expectedSources + ": is the processor on " + processorPath + "?");
    }
    if ((run.classFiles() > 0) != way.writesClassFiles()) {
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
