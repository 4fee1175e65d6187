package io.github.varscale;

/**
 * The law the weights are drawn from. Each has mean 0 and variance exactly {@code v}, the target
 * variance {@code scale / max(1, n)}.
 */
public enum Distribution {
  /**
   * {@code N(0, s^2)} cut to {@code [-2s, 2s]}, with {@code s = sqrt(v) / 0.87962566103423978} so
   * that the samples' variance is {@code v}. This is Keras's {@code "truncated_normal"} (and its
   * {@code "normal"}); TF1 contrib divides by {@code sqrt(1.3)} instead, PyTorch has no such preset.
   */
  TRUNCATED_NORMAL,
  /** {@code N(0, v)}, not truncated: Keras's {@code "untruncated_normal"}, PyTorch's normal inits. */
  NORMAL,
  /** {@code U[-L, L]} with {@code L = sqrt(3 v)}. */
  UNIFORM;

  /**
   * The standard deviation of the untruncated normal that, cut at two of its standard deviations,
   * has unit variance: {@code 1 / 0.87962566103423978}. Keras's constant.
   */
  static final double TRUNCATION_STDDEV_CORRECTION = 0.87962566103423978;

  /** Where {@link #TRUNCATED_NORMAL} is cut, in standard deviations of the untruncated normal. */
  static final double TRUNCATION = 2.0;
}
