package p;

import io.github.varscale.*;
import java.util.List;

/** A model of parts: an array of blocks and a list of heads. */
public class Gpt {
  @RandomNormal(stddev = 0.02) @Shape({100, 32}) float[] embed;
  @Submodel Block[] blocks;
  @Submodel List<Mlp> heads;
}
