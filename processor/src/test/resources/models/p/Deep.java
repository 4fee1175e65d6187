package p;

import io.github.varscale.*;

/** A generic subclass of a model, with nested model classes, static and inner. */
public class Deep<T extends Number> extends Mlp {
  @HeUniform @Shape({10, 3}) float[][] head;
  T label;

  public static class Head {
    @LecunUniform @Shape(value = {4, 2}, layout = Layout.OUT_IN) double[][] kernel;
    @Submodel Fixed fixed;
  }

  class Inner {
    @GlorotNormal @Shape({3, 5}) float[] weights;
  }
}
