package io.github.varscale.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.openjdk.jmh.results.RunResult;

/** Turns one JMH run into the Markdown tables of {@code bench/RESULTS.md}. */
final class Report {

  /** The size the targets are stated for: 16M floats. */
  static final int TARGET_SIZE = 1 << 24;

  private final List<Figure> figures = new ArrayList<>();
  private final Machine machine;
  private final StringBuilder out = new StringBuilder();

  Report(Collection<RunResult> results, Machine machine) {
    results.forEach(r -> figures.add(Figure.of(r)));
    figures.sort(
        Comparator.comparing(Figure::law)
            .thenComparing(Figure::size, Comparator.reverseOrder())
            .thenComparing(Figure::nsPerElement));
    this.machine = machine;
  }

  String markdown() {
    line("## Run");
    line("");
    line("- command: `java -jar bench/target/benchmarks.jar " + machine.arguments() + "`");
    line("- CPU: " + machine.cpu() + ", " + machine.processors() + " processors");
    line("- JDK: " + machine.jdk() + "; OS: " + machine.os());
    line("- from " + machine.start() + " to " + machine.end());
    line("- /proc/loadavg before: `" + machine.loadBefore() + "`, after: `" + machine.loadAfter()
        + "`");
    line("");
    allResults();
    alternatives();
    targets();
    return out.toString();
  }

  private void allResults() {
    line("## All results");
    line("");
    line("ns/element: median of the clean iterations (other processes below "
        + Figure.DIRTY + " cores), or of all when fewer than a third were clean. Forks: the range"
        + " of the per-fork medians of clean iterations.");
    line("");
    line("| benchmark | law | elements | ns/element | M elements/s | × Arrays.fill | forks"
        + " | clean/all iterations | B/op |");
    line("|---|---|---:|---:|---:|---:|---|---:|---:|");
    for (Figure f : figures) {
      Optional<Figure> bound = find(b -> b.benchmark().equals("MemoryBound.arraysFill")
          && b.size() == f.size());
      String forks = Double.isNaN(f.forkLow()) ? "no clean fork"
          : String.format(Locale.ROOT, "%.3f–%.3f", f.forkLow(), f.forkHigh());
      line(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.0f | %s | %s | %d/%d | %s |",
          f.label(), f.law(), f.size(), f.nsPerElement(), 1e3 / f.nsPerElement(),
          bound.map(b -> fmt(f.nsPerElement() / b.nsPerElement())).orElse("–"),
          forks, f.clean(), f.total(),
          Double.isNaN(f.bytesPerOp())
              ? "–"
              : String.format(Locale.ROOT, "%.0f", f.bytesPerOp())));
    }
    line("");
  }

  private void alternatives() {
    line("## varscale against each alternative (float, " + TARGET_SIZE + " elements)");
    line("");
    line("× = the alternative's time / varscale's time (above 1: varscale is faster).");
    line("");
    line("| law | alternative | ns/element | varscale one thread × | varscale all threads × |");
    line("|---|---|---:|---:|---:|");
    for (Figure alt : figures) {
      if (alt.isVarscale() || !List.of("uniform", "normal", "truncated").contains(alt.law())
          || alt.size() != TARGET_SIZE) {
        continue;
      }
      Optional<Figure> one = varscale(alt.law(), "floatOneThread", TARGET_SIZE);
      Optional<Figure> all = varscale(alt.law(), "floatAllThreads", TARGET_SIZE);
      line(String.format(Locale.ROOT, "| %s | %s | %.3f | %s | %s |", alt.law(), alt.benchmark(),
          alt.nsPerElement(),
          one.map(v -> fmt(alt.nsPerElement() / v.nsPerElement())).orElse("–"),
          all.map(v -> fmt(alt.nsPerElement() / v.nsPerElement())).orElse("–")));
    }
    line("");
  }

  private void targets() {
    line("## Targets (float, " + TARGET_SIZE + " elements unless stated)");
    line("");
    line("| target | measured | met |");
    line("|---|---|---|");
    speed("uniform", 1.0, "JdkRandoms.uniformSplittableRandom", 1.7);
    for (String law : List.of("normal", "truncated")) {
      speed(law, 4.0, "JdkRandoms." + law + "L64X128MixRandom", 1.4);
      for (String nativeLibrary : List.of("Nd4jRandom.", "TensorFlowStateless.")) {
        find(f -> f.benchmark().startsWith(nativeLibrary) && f.law().equals(law)
                && f.size() == TARGET_SIZE)
            .ifPresent(alt -> ratio(law, alt, 3.0));
      }
    }
    for (Figure all : figures) {
      if (all.isVarscale() && all.allThreads()) {
        String oneThread = all.method().replace("AllThreads", "OneThread");
        find(f -> f.isVarscale() && f.method().equals(oneThread) && f.size() == all.size()
                && f.law().equals(all.law()))
            .ifPresent(one -> check(
                String.format(Locale.ROOT, "%s %s, %d elements: all threads ≥ 1.8× one thread",
                    all.distribution(), all.method(), all.size()),
                one.nsPerElement() / all.nsPerElement(), 1.8, "×"));
      }
    }
    double worst = figures.stream().filter(Figure::isVarscale)
        .mapToDouble(Figure::bytesPerOp).filter(b -> !Double.isNaN(b)).max().orElse(Double.NaN);
    if (!Double.isNaN(worst)) {
      line(String.format(Locale.ROOT,
          "| varscale allocates ~0 B per fill (≤ 1 KiB) | worst %.0f B/op | %s |",
          worst, worst <= 1024 ? "yes" : "**no**"));
    }
    line("");
  }

  private void speed(String law, double maxNs, String reference, double minRatio) {
    varscale(law, "floatOneThread", TARGET_SIZE).ifPresent(v -> {
      boolean met = v.nsPerElement() <= maxNs;
      line(String.format(Locale.ROOT, "| %s one thread ≤ %.1f ns/element | %.3f ns | %s |",
          law, maxNs, v.nsPerElement(), met ? "yes" : "**no**"));
    });
    find(f -> f.benchmark().equals(reference) && f.size() == TARGET_SIZE)
        .ifPresent(alt -> ratio(law, alt, minRatio));
  }

  private void ratio(String law, Figure alternative, double minRatio) {
    varscale(law, "floatOneThread", TARGET_SIZE).ifPresent(v -> check(
        String.format(Locale.ROOT, "%s one thread ≥ %.1f× %s", law, minRatio,
            alternative.benchmark()),
        alternative.nsPerElement() / v.nsPerElement(), minRatio, "×"));
  }

  private void check(String target, double measured, double min, String unit) {
    line(String.format(Locale.ROOT, "| %s | %.2f%s | %s |", target, measured, unit,
        measured >= min ? "yes" : "**no**"));
  }

  private Optional<Figure> varscale(String law, String method, int size) {
    return find(f -> f.isVarscale() && f.law().equals(law) && f.method().equals(method)
        && f.size() == size);
  }

  private Optional<Figure> find(Predicate<Figure> which) {
    return figures.stream().filter(which).findFirst();
  }

  private static String fmt(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
