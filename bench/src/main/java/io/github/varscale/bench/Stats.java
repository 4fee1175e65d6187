package io.github.varscale.bench;

import java.util.Collection;
import org.openjdk.jmh.util.ListStatistics;

/**
 * What the reports quote of a set of measurements: the median, which one noisy iteration or
 * compilation cannot move far, and the range. Computed by JMH's own {@link ListStatistics}, whose
 * 50th percentile is the usual median (the mean of the two middle values of an even count).
 *
 * @param count how many values
 * @param median the median
 * @param min the smallest value
 * @param max the largest value
 */
record Stats(int count, double median, double min, double max) {

  /**
   * @throws IllegalArgumentException if there are no values: a figure without measurements is a
   *     bug in the caller, not a NaN to print
   */
  static Stats of(Collection<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to summarize");
    }
    ListStatistics statistics = new ListStatistics();
    values.forEach(statistics::addValue);
    return new Stats(
        Math.toIntExact(statistics.getN()),
        statistics.getPercentile(50),
        statistics.getMin(),
        statistics.getMax());
  }

  static double median(Collection<Double> values) {
    return of(values).median();
  }
}
