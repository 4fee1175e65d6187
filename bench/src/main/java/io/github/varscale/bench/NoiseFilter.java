package io.github.varscale.bench;

import java.util.List;

/**
 * Which measurements a figure rests on. The machine is shared, and an iteration during which other
 * processes kept a core busy is slower than it should be (up to 2x for the all-threads fills on
 * two cores). So each iteration records the cores other processes used ({@link
 * ForeignCpuProfiler}); one at {@link #DIRTY_CORES} or more is dirty, and a figure is the median
 * of the clean iterations, or of all of them when fewer than a third are clean (then the figure
 * says so through its clean count rather than resting on one or two iterations).
 *
 * <p>The arithmetic is here, apart from {@code /proc}, so that it can be tested.
 */
final class NoiseFilter {

  /** Other processes' CPU, in cores, from which an iteration is dirty. */
  static final double DIRTY_CORES = 0.25;

  private NoiseFilter() {}

  /**
   * The cores other processes used during an interval: the whole machine's busy time minus this
   * process's, both in jiffies, over the interval's wall time. Never negative: the two counters
   * are read one after the other, so a quiet interval can come out a jiffy below zero.
   */
  static double foreignCores(long machineBusyJiffies, long selfJiffies, double seconds) {
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("seconds must be > 0, found " + seconds);
    }
    return Math.max(0, machineBusyJiffies - selfJiffies) / CpuTimes.HZ / seconds;
  }

  /**
   * Whether an iteration counts. NaN, an iteration measured without {@link ForeignCpuProfiler},
   * counts as clean: without the profiler every iteration is taken, as JMH itself takes them.
   */
  static boolean isClean(double foreignCores) {
    return !(foreignCores >= DIRTY_CORES);
  }

  /** The values a figure is taken from: {@code clean} if at least a third of {@code all}. */
  static <T> List<T> trusted(List<T> all, List<T> clean) {
    return clean.size() * 3 >= all.size() ? clean : all;
  }
}
