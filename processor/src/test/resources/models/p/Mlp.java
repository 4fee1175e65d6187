package p;

import io.github.varscale.*;

/** Flat and nested fields of both element types, both layouts, every mode and law. */
public class Mlp {
  static final int HIDDEN = 256;

  @HeNormal @Shape({784, HIDDEN}) float[] w1;
  @Zeros @Shape(HIDDEN) float[] b1;
  @GlorotUniform @Shape({HIDDEN, 10}) double[][] hidden_weights;
  @VarianceScaled(scale = 0.5, mode = Mode.FAN_GEO_AVG, distribution = Distribution.NORMAL)
  @Shape(value = {8, 3, 3, 4}, layout = Layout.OUT_IN)
  public float[][][][] conv;
  @LecunNormal @Shape({10}) protected double[] bias;
  @VarianceScaled(mode = Mode.FAN_OUT) @Shape({}) float[] scalar;
  float[] notAnnotated;
}
