package p;

import io.github.varscale.*;

/** A transformer block: dimensions read from its fields, explicit fan axes, a part. */
public class Block {
  static final int HEAD_DIM = 16;

  final int dModel;
  int heads;

  Block(int dModel, int heads) {
    this.dModel = dModel;
    this.heads = heads;
  }

  @GlorotUniform
  @Shape(dims = {"dModel", "heads", "HEAD_DIM"}, inAxes = 0, outAxes = {1, 2})
  float[][][] wq;

  @HeNormal @Shape(dims = {"dModel", "4 * dModel"}) float[] up;
  @Ones @Shape(dims = "dModel") float[] gain;
  @Submodel Mlp mlp;
}
