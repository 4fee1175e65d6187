package io.github.varscale.bench;

/**
 * Waits for the shared machine to be quiet, by {@link NoiseFilter}'s measure, before a benchmark
 * starts. JMH has no such wait; it is what {@link BenchMain} adds between benchmarks.
 */
final class Quiet {

  private static final int QUIET_SECONDS_NEEDED = 3;

  private Quiet() {}

  /**
   * Returns once {@value #QUIET_SECONDS_NEEDED} quiet seconds in a row have passed, or after
   * {@code maxSeconds}.
   */
  static void await(int maxSeconds) throws InterruptedException {
    int quiet = 0;
    double others = 0;
    for (int s = 0; s < maxSeconds; s++) {
      long machine = CpuTimes.machineBusy();
      long self = CpuTimes.self();
      long start = System.nanoTime();
      Thread.sleep(1000);
      others = NoiseFilter.foreignCores(CpuTimes.machineBusy() - machine, CpuTimes.self() - self,
          (System.nanoTime() - start) * 1e-9);
      quiet = NoiseFilter.isClean(others) ? quiet + 1 : 0;
      if (quiet >= QUIET_SECONDS_NEEDED) {
        return;
      }
    }
    System.out.printf("# not quiet after %d s (others use %.2f cores): running anyway%n",
        maxSeconds, others);
  }
}
