package io.github.varscale.sample;

import io.github.varscale.RandomNormal;
import io.github.varscale.Shape;
import io.github.varscale.Submodel;
import java.util.ArrayList;
import java.util.List;

/**
 * A small GPT-style language model composed of parts, its sizes given to the constructor: token
 * and position embeddings drawn from GPT-2's {@code N(0, 0.02^2)}, a stack of {@link
 * TransformerBlock}s, and a final layer norm. {@code TinyGptInitializer.initialize(gpt, seed)}
 * allocates and fills every tensor of every part, each block's under its own path ({@code
 * blocks.3.attention.query}), so the blocks get independent values.
 */
public class TinyGpt {
  /**
   * The sizes of the model.
   *
   * @param vocabulary the number of tokens
   * @param context the longest sequence
   * @param dModel the width of the residual stream
   * @param heads the attention heads, which divide {@code dModel}
   * @param layers the number of blocks
   * @param experts the experts of each feed-forward layer
   */
  public record Config(int vocabulary, int context, int dModel, int heads, int layers,
      int experts) {
    public Config {
      if (vocabulary < 1 || context < 1 || dModel < 1 || heads < 1 || layers < 0 || experts < 1
          || dModel % heads != 0) {
        throw new IllegalArgumentException("sizes must be positive, and heads must divide dModel,"
            + " found " + this);
      }
    }
  }

  /** The sample's model: 4 blocks of width 64, 4 heads, 2 experts. */
  static final Config SAMPLE = new Config(512, 64, 64, 4, 4, 2);

  final int vocabulary;
  final int context;
  final int dModel;

  @RandomNormal(stddev = 0.02)
  @Shape(dims = {"vocabulary", "dModel"})
  float[][] tokenEmbedding;

  @RandomNormal(stddev = 0.02)
  @Shape(dims = {"context", "dModel"})
  float[][] positionEmbedding;

  @Submodel List<TransformerBlock> blocks = new ArrayList<>();

  @Submodel LayerNorm finalNorm;

  public TinyGpt(Config config) {
    vocabulary = config.vocabulary();
    context = config.context();
    dModel = config.dModel();
    for (int i = 0; i < config.layers(); i++) {
      blocks.add(new TransformerBlock(config));
    }
    finalNorm = new LayerNorm(config.dModel());
  }
}
