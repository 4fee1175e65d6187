/**
 * varscale's runtime: the annotations a model declares, and the deterministic sampler behind the
 * generated initializers and {@link io.github.varscale.VarianceScaling}.
 */
module io.github.varscale {
  exports io.github.varscale;
}
