package io.github.varscale.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns the figures of one JMH run into the Markdown tables bench/RESULTS.md quotes: one per law
 * with every figure's ratio to the memory-write bound and to varscale, the parallel speed-up, and
 * the goals of {@link Targets}. JMH prints its own table of scores (means with confidence
 * intervals) and writes every iteration with {@code -rf json}; this report adds what JMH cannot
 * know: which iterations were clean, which benchmark is the bound and which is varscale.
 */
final class Report {

  /** The memory-write bound every figure is divided by. */
  static final BenchmarkId BOUND = BenchmarkId.of(MemoryBound.class, "arraysFill");

  static final BenchmarkId FLOAT_ONE_THREAD =
      BenchmarkId.of(VarianceScalingFill.class, "floatOneThread");
  static final BenchmarkId FLOAT_ALL_THREADS =
      BenchmarkId.of(VarianceScalingFill.class, "floatAllThreads");
  static final BenchmarkId DOUBLE_ONE_THREAD =
      BenchmarkId.of(VarianceScalingFill.class, "doubleOneThread");
  static final BenchmarkId DOUBLE_ALL_THREADS =
      BenchmarkId.of(VarianceScalingFill.class, "doubleAllThreads");

  private static final List<String> LAWS = List.of("bound", "uniform", "normal", "truncated");

  private final List<Figure> figures = new ArrayList<>();
  private final Targets targets;
  private final StringBuilder out = new StringBuilder();

  Report(Collection<Figure> figures, Targets targets) {
    this.figures.addAll(figures);
    this.figures.sort(Comparator.comparing(Figure::size, Comparator.reverseOrder())
        .thenComparing(Figure::nsPerElement));
    this.targets = targets;
  }

  /** The run's description, then {@link #tables()}. */
  static String markdown(Machine machine, Report report) {
    return String.join("\n",
        "## Run",
        "",
        "- command: `java -jar bench/target/benchmarks.jar " + machine.arguments() + "`",
        "- CPU: " + machine.cpu() + ", " + machine.processors() + " processors",
        "- JDK: " + machine.jdk() + "; OS: " + machine.os(),
        "- from " + machine.start() + " to " + machine.end(),
        "- /proc/loadavg before: `" + machine.loadBefore() + "`, after: `" + machine.loadAfter()
            + "`",
        "",
        report.tables());
  }

  String tables() {
    out.setLength(0);
    line("ns/element: the median of the clean iterations (other processes below "
        + NoiseFilter.DIRTY_CORES + " cores), of all when fewer than a third were clean; forks:"
        + " the range of the forks' clean medians. × Arrays.fill: ns/element over "
        + BOUND.name() + "'s at the same size. varscale ×: the row's time over varscale's one"
        + " thread (" + FLOAT_ONE_THREAD.name() + ") for the same law and size; above 1,"
        + " varscale is faster.");
    line("");
    for (String law : LAWS) {
      lawTable(law);
    }
    speedupTable();
    goals();
    return out.toString();
  }

  private void lawTable(String law) {
    List<Figure> rows = figures.stream().filter(f -> f.law().equals(law)).toList();
    if (rows.isEmpty()) {
      return;
    }
    line("### " + law);
    line("");
    line("| benchmark | elements | ns/element | M elements/s | × Arrays.fill | varscale ×"
        + " | forks | clean/all | B/op |");
    line("|---|---:|---:|---:|---:|---:|---|---:|---:|");
    for (Figure f : rows) {
      Optional<Figure> varscale = f.isVarscale() || law.equals("bound")
          ? Optional.empty()
          : find(FLOAT_ONE_THREAD, law, f.size());
      line(format("| %s | %d | %.3f | %.0f | %s | %s | %s | %d/%d | %s |",
          f.label(), f.size(), f.nsPerElement(), 1e3 / f.nsPerElement(),
          ratio(f, find(BOUND, "bound", f.size())), ratio(f, varscale),
          Double.isNaN(f.forkLow()) ? "no clean fork"
              : format("%.3f–%.3f", f.forkLow(), f.forkHigh()),
          f.clean(), f.total(),
          Double.isNaN(f.bytesPerOp()) ? "–" : format("%.0f", f.bytesPerOp())));
    }
    line("");
  }

  /** varscale's one-thread and all-threads figures of one fill. */
  private record Speedup(Figure one, Figure all) {
    double ratio() {
      return one.nsPerElement() / all.nsPerElement();
    }
  }

  /** Every fill measured both on one thread and on all threads. */
  private List<Speedup> speedups() {
    List<Speedup> pairs = new ArrayList<>();
    for (Figure all : figures) {
      BenchmarkId one = all.is(FLOAT_ALL_THREADS) ? FLOAT_ONE_THREAD
          : all.is(DOUBLE_ALL_THREADS) ? DOUBLE_ONE_THREAD : null;
      if (one != null) {
        find(one, all.law(), all.size()).ifPresent(o -> pairs.add(new Speedup(o, all)));
      }
    }
    return pairs;
  }

  /** The speed-up goal holds from this size on; a smaller fill is too short to share out. */
  static final int SPEEDUP_FROM = 1 << 20;

  private String speedupMet(Speedup s) {
    return s.all().size() < SPEEDUP_FROM ? "–"
        : s.ratio() >= targets.allThreadsSpeedup() ? "yes" : "**no**";
  }

  private void speedupTable() {
    List<Speedup> pairs = speedups();
    if (pairs.isEmpty()) {
      return;
    }
    line("### all threads over one thread");
    line("");
    line(format("| fill | elements | one thread ns/element | all threads ns/element | speed-up"
        + " | ≥ %.1f× |", targets.allThreadsSpeedup()));
    line("|---|---:|---:|---:|---:|---|");
    for (Speedup s : pairs) {
      line(format("| %s | %d | %.3f | %.3f | %.2f | %s |", s.all().label(), s.all().size(),
          s.one().nsPerElement(), s.all().nsPerElement(), s.ratio(),
          speedupMet(s)));
    }
    line("");
  }

  private void goals() {
    line("### goals (Targets)");
    line("");
    line("| goal | measured | met |");
    line("|---|---|---|");
    for (String law : LAWS.subList(1, LAWS.size())) {
      double maxNs = law.equals("uniform") ? targets.uniformNs() : targets.gaussianNs();
      find(FLOAT_ONE_THREAD, law, Targets.SIZE).ifPresent(v -> goal(
          format("%s, one thread ≤ %.1f ns/element", law, maxNs),
          format("%.3f ns", v.nsPerElement()), v.nsPerElement() <= maxNs));
      BenchmarkId jdk = switch (law) {
        case "uniform" -> Targets.UNIFORM_JDK;
        case "normal" -> Targets.NORMAL_JDK;
        default -> Targets.TRUNCATED_JDK;
      };
      double overJdk = law.equals("uniform") ? targets.uniformOverJdk() : targets.gaussianOverJdk();
      find(f -> f.is(jdk) && f.size() == Targets.SIZE).ifPresent(alt -> faster(law, alt, overJdk));
      figures.stream()
          .filter(f -> Targets.NATIVE_LIBRARIES.contains(f.type()) && f.law().equals(law)
              && f.size() == Targets.SIZE)
          .forEach(alt -> faster(law, alt, targets.overNativeLibraries()));
    }
    List<Speedup> pairs =
        speedups().stream().filter(s -> s.all().size() >= SPEEDUP_FROM).toList();
    if (!pairs.isEmpty()) {
      long met = pairs.stream().filter(s -> speedupMet(s).equals("yes")).count();
      goal(format("all threads ≥ %.1f× one thread, from 1M elements", targets.allThreadsSpeedup()),
          met + " of " + pairs.size() + " fills", met == pairs.size());
    }
    figures.stream().filter(Figure::isVarscale).filter(f -> !Double.isNaN(f.bytesPerOp()))
        .max(Comparator.comparingDouble(Report::bytesPerFill))
        .ifPresent(worst -> goal(
            format("varscale allocates ≤ %.0f B per fill", targets.bytesPerFill()),
            format("at most %.0f B (%s, %d elements)", bytesPerFill(worst), worst.label(),
                worst.size()),
            bytesPerFill(worst) <= targets.bytesPerFill()));
    line("");
  }

  /**
   * A figure's allocation per call of a fill: a one-thread operation is one slice fill per {@link
   * Workload#SLICE} elements, the others one fill.
   */
  static double bytesPerFill(Figure f) {
    boolean slices = f.is(FLOAT_ONE_THREAD) || f.is(DOUBLE_ONE_THREAD);
    return slices ? f.bytesPerOp() / Math.ceil((double) f.size() / Workload.SLICE) : f.bytesPerOp();
  }

  private void faster(String law, Figure alternative, double minRatio) {
    find(FLOAT_ONE_THREAD, law, Targets.SIZE).ifPresent(v -> {
      double ratio = alternative.nsPerElement() / v.nsPerElement();
      goal(format("%s, one thread ≥ %.1f× %s", law, minRatio, alternative.benchmark()),
          format("%.2f×", ratio), ratio >= minRatio);
    });
  }

  private void goal(String goal, String measured, boolean met) {
    line("| " + goal + " | " + measured + " | " + (met ? "yes" : "**no**") + " |");
  }

  private static String ratio(Figure f, Optional<Figure> to) {
    return to.map(t -> format("%.2f", f.nsPerElement() / t.nsPerElement())).orElse("–");
  }

  private Optional<Figure> find(BenchmarkId id, String law, int size) {
    return find(f -> f.is(id) && f.law().equals(law) && f.size() == size);
  }

  private Optional<Figure> find(Predicate<Figure> which) {
    return figures.stream().filter(which).findFirst();
  }

  private static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
