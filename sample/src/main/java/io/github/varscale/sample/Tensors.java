package io.github.varscale.sample;

import java.util.Locale;

/** Statistics over a tensor's values, and their format in the reports. */
final class Tensors {
  private Tensors() {}

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The population variance, {@code (1/n) sum (x - mean)^2}, in two passes for accuracy. */
  static double variance(double[] values) {
    double mean = mean(values);
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return sum / values.length;
  }

  static double maxAbs(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  /** {@code x} with four significant digits, the same on every locale, e.g. {@code 2.551e-03}. */
  static String scientific(double x) {
    return String.format(Locale.ROOT, "%.3e", x);
  }
}
