package p;

import io.github.varscale.*;

/** Attention kernels: dimensions read from fields, a folded constant, explicit fan axes. */
public class Attention {
  static final int HEAD_DIM = 16;

  final int dModel;
  int heads;

  Attention(int dModel, int heads) {
    this.dModel = dModel;
    this.heads = heads;
  }

  /** JAX's query kernel: fan_in = dModel, fan_out = heads * HEAD_DIM. */
  @GlorotUniform
  @Shape(dims = {"dModel", "heads", "HEAD_DIM"}, inAxes = 0, outAxes = {1, 2})
  float[][][] wq;

  /** The output kernel: fan_in = heads * HEAD_DIM, fan_out = dModel. */
  @LecunNormal
  @Shape(dims = {"heads", "HEAD_DIM", "dModel"}, inAxes = {0, 1}, outAxes = -1)
  double[] wo;
}
