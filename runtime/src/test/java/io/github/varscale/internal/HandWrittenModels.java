package io.github.varscale.internal;

import io.github.varscale.Distribution;
import io.github.varscale.FanAxes;
import io.github.varscale.FixedInitializer;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.TensorSpec;
import io.github.varscale.VarianceScaling;
import java.util.ArrayList;
import java.util.List;

/**
 * Small models with {@code walk} methods written by hand the way the processor generates them:
 * for every tensor field {@code if (w.enter(m.f, F, dims...)) m.f = new ...; w.leave(m.f);}, for
 * every {@code @Submodel} field {@code w.part} or {@code w.parts}, the superclass's walk first.
 * A GPT-like model: {@code Gpt extends Base}; {@code Base} has a tensor and a single part, {@code
 * Gpt} an array and a list of {@code Block}s around a tensor of its own; a {@code Block} has a
 * nested tensor whose dims read its field and an {@code Attn} part with a flat tensor on
 * explicit axes and a nested constant one.
 */
final class HandWrittenModels {
  static final VarianceScaling GLOROT = VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM);
  static final VarianceScaling HE =
      VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
  static final FixedInitializer EMBEDDING = FixedInitializer.randomNormal(0.0, 0.02);
  static final VarianceScaling LECUN = VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.NORMAL);

  static final FanAxes QUERY_AXES = FanAxes.explicit(new int[] {0}, new int[] {1, 2});

  static final TensorField ATTN_WQ = TensorField.withDims("p.Attn#wq", "GlorotUniform", GLOROT,
      float.class, QUERY_AXES, "dModel", "heads", "headDim");
  static final TensorField ATTN_BIAS = TensorField.of("p.Attn#bias", "Zeros",
      FixedInitializer.zeros(), double.class, FanAxes.of(Layout.IN_OUT), 2, 3);
  static final TensorField BLOCK_UP = TensorField.withDims("p.Block#up", "HeNormal", HE,
      float.class, FanAxes.of(Layout.IN_OUT), "dModel", "4 * dModel");
  static final TensorField BASE_EMBED = TensorField.of("p.Base#embed", "RandomNormal", EMBEDDING,
      float.class, FanAxes.of(Layout.IN_OUT), 10, 8);
  static final TensorField GPT_HEAD = TensorField.of("p.Gpt#head", "LecunNormal", LECUN,
      float.class, FanAxes.of(Layout.OUT_IN), 10, 8);

  private HandWrittenModels() {}

  static class Attn {
    int dModel = 8;
    int heads = 2;
    int headDim = 4;
    float[] wq;
    double[][] bias;
  }

  static class Block {
    int dModel = 8;
    float[][] up;
    Attn attn = new Attn();
  }

  static class Base {
    float[] embed;
    Block first = new Block();
  }

  static class Gpt extends Base {
    Block[] blocks = {new Block(), new Block()};
    float[] head;
    List<Block> extra = new ArrayList<>(List.of(new Block()));
  }

  static void walk(Attn m, Walker w) {
    if (w.enter(m.wq, ATTN_WQ, m.dModel, m.heads, m.headDim)) {
      m.wq = new float[w.size()];
    }
    w.leave(m.wq);
    if (w.enter(m.bias, ATTN_BIAS)) {
      m.bias = new double[w.dim(0)][w.dim(1)];
    }
    w.leave(m.bias);
  }

  static void walk(Block m, Walker w) {
    if (w.enter(m.up, BLOCK_UP, m.dModel)) {
      m.up = new float[w.dim(0)][w.dim(1)];
    }
    w.leave(m.up);
    w.part("p.Block#attn", m.attn, HandWrittenModels::walk);
  }

  static void walk(Base m, Walker w) {
    if (w.enter(m.embed, BASE_EMBED)) {
      m.embed = new float[w.size()];
    }
    w.leave(m.embed);
    w.part("p.Base#first", m.first, HandWrittenModels::walk);
  }

  /** The superclass first, then the fields in declaration order: a part, a tensor, a part. */
  static void walk(Gpt m, Walker w) {
    walk((Base) m, w);
    w.parts("p.Gpt#blocks", m.blocks, HandWrittenModels::walk);
    if (w.enter(m.head, GPT_HEAD)) {
      m.head = new float[w.size()];
    }
    w.leave(m.head);
    w.parts("p.Gpt#extra", m.extra, HandWrittenModels::walk);
  }

  // A model whose specs depend on no instance, with the no-argument specs() StaticSpecs builds.

  static final TensorField SMALL_UP = TensorField.of("p.SmallBlock#up", "HeNormal", HE,
      float.class, FanAxes.of(Layout.IN_OUT), 8, 32);
  static final TensorField SMALL_GATE = TensorField.of("p.SmallBlock#gate", "Ones",
      FixedInitializer.ones(), double.class, FanAxes.of(Layout.IN_OUT), 32);
  static final TensorField SMALL_BASE_NORM = TensorField.of("p.SmallBase#norm", "Ones",
      FixedInitializer.ones(), float.class, FanAxes.of(Layout.IN_OUT), 8);
  static final TensorField SMALL_HEAD = TensorField.of("p.Small#head", "LecunNormal", LECUN,
      float.class, FanAxes.of(Layout.OUT_IN), 10, 8);

  static class SmallBlock {
    float[][] up;
    double[] gate;
  }

  static class SmallBase {
    float[] norm;
    SmallBlock encoder = new SmallBlock();
  }

  static class Small extends SmallBase {
    SmallBlock decoder = new SmallBlock();
    float[] head;
  }

  static void walk(SmallBlock m, Walker w) {
    if (w.enter(m.up, SMALL_UP)) {
      m.up = new float[w.dim(0)][w.dim(1)];
    }
    w.leave(m.up);
    if (w.enter(m.gate, SMALL_GATE)) {
      m.gate = new double[w.size()];
    }
    w.leave(m.gate);
  }

  static void walk(SmallBase m, Walker w) {
    if (w.enter(m.norm, SMALL_BASE_NORM)) {
      m.norm = new float[w.size()];
    }
    w.leave(m.norm);
    w.part("p.SmallBase#encoder", m.encoder, HandWrittenModels::walk);
  }

  static void walk(Small m, Walker w) {
    walk((SmallBase) m, w);
    w.part("p.Small#decoder", m.decoder, HandWrittenModels::walk);
    if (w.enter(m.head, SMALL_HEAD)) {
      m.head = new float[w.size()];
    }
    w.leave(m.head);
  }

  /** {@code SmallBlockInitializer.specs()}, as generated. */
  static List<TensorSpec> smallBlockSpecs() {
    return StaticSpecs.of().tensors(SMALL_UP).tensors(SMALL_GATE).build();
  }

  static List<TensorSpec> smallBaseSpecs() {
    return StaticSpecs.of().tensors(SMALL_BASE_NORM)
        .part("p.SmallBase#encoder", smallBlockSpecs()).build();
  }

  static List<TensorSpec> smallSpecs() {
    return StaticSpecs.inherit(smallBaseSpecs()).tensors(SMALL_HEAD)
        .part("p.Small#decoder", smallBlockSpecs()).build();
  }
}
