package io.github.varscale.sample;

import io.github.varscale.Submodel;

/** A pre-norm transformer block: attention and a feed-forward layer, each after a layer norm. */
public class TransformerBlock {
  @Submodel LayerNorm attentionNorm;
  @Submodel Attention attention;
  @Submodel LayerNorm feedForwardNorm;
  @Submodel FeedForward feedForward;

  TransformerBlock(TinyGpt.Config config) {
    attentionNorm = new LayerNorm(config.dModel());
    attention = new Attention(config.dModel(), config.heads(), config.dModel() / config.heads());
    feedForwardNorm = new LayerNorm(config.dModel());
    feedForward = new FeedForward(config.dModel(), config.experts());
  }
}
