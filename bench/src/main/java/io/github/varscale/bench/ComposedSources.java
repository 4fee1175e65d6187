package io.github.varscale.bench;

import static io.github.varscale.bench.TensorField.Axes.IN_OUT;

import io.github.varscale.GlorotUniform;
import io.github.varscale.HeNormal;
import io.github.varscale.bench.TensorField.Axes;
import io.github.varscale.bench.TensorField.Ones;
import io.github.varscale.bench.TensorField.Scaled;
import java.util.List;
import java.util.function.Function;

/**
 * Composed models for {@link ProcessorCost}'s {@code --composed} workload: per model a
 * transformer-like {@code GptNNNN} holding an embedding, a final norm and {@value #LAYERS} blocks
 * ({@code @Submodel BlockNNNN[]}), each block {@value #BLOCK_FIELDS} tensor fields (two norms,
 * attention with explicit fan axes, the MLP). The annotated sources use {@code @Submodel}, {@code
 * @Ones} and {@code @Shape}'s axes, so they compile only against the version 2 runtime and
 * processor; the hand-written ones need only the version 1 runtime API. The text depends only on
 * the model's number.
 */
final class ComposedSources {

  static final String PACKAGE = "bench.composed";
  static final int LAYERS = 12;
  static final int BLOCK_FIELDS = 8;

  private static final List<TensorField> BLOCK = List.of(
      TensorField.flat("attnNorm", new Ones(), IN_OUT, "D_MODEL"),
      attention("wq"),
      attention("wk"),
      attention("wv"),
      TensorField.flat("wo", Scaled.preset(GlorotUniform.class),
          Axes.explicit(List.of(0, 1), List.of(2)), "HEADS", "HEAD_DIM", "D_MODEL"),
      TensorField.flat("mlpNorm", new Ones(), IN_OUT, "D_MODEL"),
      TensorField.flat("up", Scaled.preset(HeNormal.class), IN_OUT, "D_MODEL", "4 * D_MODEL"),
      TensorField.flat("down", Scaled.preset(HeNormal.class), IN_OUT, "4 * D_MODEL", "D_MODEL"));

  /** The model's own tensors; the blocks sit between them. */
  private static final TensorField EMBEDDING = TensorField.flat("embedding",
      Scaled.preset(GlorotUniform.class), IN_OUT, "VOCAB", "D_MODEL");
  private static final TensorField FINAL_NORM =
      TensorField.flat("finalNorm", new Ones(), IN_OUT, "D_MODEL");

  private static final List<String> ANNOTATED_IMPORTS = List.of(
      "io.github.varscale.GlorotUniform",
      "io.github.varscale.HeNormal",
      "io.github.varscale.Ones",
      "io.github.varscale.Shape",
      "io.github.varscale.Submodel");

  private ComposedSources() {}

  /** An attention projection {@code [dModel, heads, headDim]}: fans dModel and heads * headDim. */
  private static TensorField attention(String name) {
    return TensorField.flat(name, Scaled.preset(GlorotUniform.class),
        Axes.explicit(List.of(0), List.of(1, 2)), "D_MODEL", "HEADS", "HEAD_DIM");
  }

  static String gpt(int i) {
    return String.format("Gpt%04d", i);
  }

  static String block(int i) {
    return String.format("Block%04d", i);
  }

  /**
   * Model {@code i}'s Gpt and block classes: declared with the annotations, or initialized by
   * hand in their constructors.
   */
  static List<SourceFile> model(int i, boolean byHand) {
    return List.of(gptModel(i, byHand), blockModel(i, byHand));
  }

  private static SourceFile gptModel(int i, boolean byHand) {
    String gpt = gpt(i);
    String block = block(i);
    StringBuilder body = new StringBuilder()
        .append("  static final int D_MODEL = ").append(block).append(".D_MODEL;\n")
        .append("  static final int VOCAB = ").append(1000 + i).append(";\n")
        .append("  static final int LAYERS = ").append(LAYERS).append(";\n\n");
    for (TensorField f : List.of(EMBEDDING, FINAL_NORM)) {
      body.append(byHand ? f.plain() : f.declaration());
    }
    if (byHand) {
      Function<String, String> key = field -> "\"" + PACKAGE + "." + gpt + "#" + field + "\"";
      body.append("  public ").append(block).append("[] blocks;\n\n")
          .append("  public ").append(gpt).append("(long seed) {\n")
          .append(EMBEDDING.fillByHand(key))
          .append(FINAL_NORM.fillByHand(key))
          .append("    blocks = new ").append(block).append("[LAYERS];\n")
          .append("    for (int b = 0; b < LAYERS; b++) {\n")
          .append("      blocks[b] = new ").append(block).append("(seed, \"").append(PACKAGE)
          .append('.').append(gpt).append("#blocks.\" + b + \".\");\n");
    } else {
      body.append("\n  @Submodel\n")
          .append("  public ").append(block).append("[] blocks = new ").append(block)
          .append("[LAYERS];\n\n")
          .append("  public ").append(gpt).append("() {\n")
          .append("    for (int b = 0; b < LAYERS; b++) {\n")
          .append("      blocks[b] = new ").append(block).append("();\n");
    }
    body.append("    }\n  }\n");
    return SourceFile.javaClass(PACKAGE,
        byHand ? ModelSources.HAND_WRITTEN_IMPORTS : ANNOTATED_IMPORTS, gpt, body.toString());
  }

  /** A block; its width varies with {@code i}, so that no two models are the same. */
  private static SourceFile blockModel(int i, boolean byHand) {
    String block = block(i);
    StringBuilder body = new StringBuilder()
        .append("  static final int D_MODEL = ").append(64 + 16 * (i % 8)).append(";\n")
        .append("  static final int HEADS = 4;\n")
        .append("  static final int HEAD_DIM = D_MODEL / HEADS;\n\n");
    BLOCK.forEach(f -> body.append(byHand ? f.plain() : f.declaration()));
    if (byHand) {
      body.append("\n  // keyPrefix: how this block's keys start, ")
          .append("\"<the Gpt class>#blocks.<index>.\"\n")
          .append("  public ").append(block).append("(long seed, String keyPrefix) {\n");
      BLOCK.forEach(f -> body.append(f.fillByHand(field -> "keyPrefix + \"" + field + "\"")));
      body.append("  }\n");
    }
    return SourceFile.javaClass(PACKAGE,
        byHand ? ModelSources.HAND_WRITTEN_IMPORTS : ANNOTATED_IMPORTS, block, body.toString());
  }
}
