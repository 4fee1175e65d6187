package io.github.varscale.bench;

/** Waits for the shared machine to be quiet: the other processes' CPU below a quarter core. */
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
      long busy = CpuTimes.machineBusy() - CpuTimes.self();
      Thread.sleep(1000);
      others = (CpuTimes.machineBusy() - CpuTimes.self() - busy) / CpuTimes.HZ;
      quiet = others < Figure.DIRTY ? quiet + 1 : 0;
      if (quiet >= QUIET_SECONDS_NEEDED) {
        return;
      }
    }
    System.out.printf("# not quiet after %d s (others use %.2f cores): running anyway%n",
        maxSeconds, others);
  }
}
