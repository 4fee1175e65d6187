/**
 * varscale's runtime: the annotations a model declares, the initializers and model descriptions
 * users call ({@link io.github.varscale.VarianceScaling}, {@link io.github.varscale.TensorSpec},
 * {@link io.github.varscale.Summary}), and the deterministic sampler behind them. Package {@code
 * io.github.varscale.internal} is for the generated initializers only.
 */
module io.github.varscale {
  exports io.github.varscale;
  exports io.github.varscale.internal;
}
