package p;

import io.github.varscale.*;

/** A transformer block: dimensions read from a field, and parts. */
public class Block {
  final int dModel;

  Block(int dModel, int heads) {
    this.dModel = dModel;
    this.attn = new Attention(dModel, heads);
  }

  @Submodel Attention attn;
  @HeNormal @Shape(dims = {"dModel", "4 * dModel"}) float[] up;
  @Ones @Shape(dims = "dModel") float[] gain;
  @Submodel Mlp mlp;
}
