package p;

import io.github.varscale.*;

/** Every fixed initializer, flat and nested. */
public class Fixed {
  @Zeros @Shape({3, 2}) double[][] zeros;
  @Ones @Shape(4) float[] ones;
  @Constant(0.25) @Shape({2, 2}) float[][] constant;
  @RandomNormal(mean = 1, stddev = 0.02) @Shape({16, 8}) float[] normal;
  @TruncatedNormal(stddev = 0.5) @Shape({5, 6}) double[][] truncated;
  @RandomUniform(minval = -0.1, maxval = 0.3) @Shape(12) double[] uniform;
}
