package io.github.varscale.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.varscale.TensorSpec;
import io.github.varscale.internal.HandWrittenModels.Small;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The no-argument {@code specs()} lists what {@code specs(model)} lists, in the same order. */
class StaticSpecsTest {

  @Test
  void staticSpecsAreTheWalksSpecsInItsOrder() {
    List<TensorSpec> walked = Walker.specs(new Small(), HandWrittenModels::walk);
    assertEquals(walked, HandWrittenModels.smallSpecs());
    List<String> order = new ArrayList<>();
    for (TensorSpec spec : HandWrittenModels.smallSpecs()) {
      order.add(spec.path() + " " + spec.key());
    }
    // The inherited tensors, the own ones, the inherited parts, the own parts.
    assertEquals(List.of(
        "norm p.SmallBase#norm",
        "head p.Small#head",
        "encoder.up p.SmallBase#encoder.up",
        "encoder.gate p.SmallBase#encoder.gate",
        "decoder.up p.Small#decoder.up",
        "decoder.gate p.Small#decoder.gate"), order);
  }

  /** A part's specs are its own with the part's path in front and the outer class's key. */
  @Test
  void aPartsSpecsAreRekeyedUnderThePath() {
    List<TensorSpec> specs = StaticSpecs.of()
        .part("p.Outer#mid", StaticSpecs.of().part("p.Mid#small", HandWrittenModels.smallSpecs())
            .build())
        .build();
    assertEquals(6, specs.size());
    assertEquals("mid.small.encoder.up", specs.get(2).path());
    List<String> keys = new ArrayList<>();
    for (TensorSpec spec : specs) {
      keys.add(spec.key());
    }
    assertEquals(List.of("p.Outer#mid.small.norm", "p.Outer#mid.small.head",
        "p.Outer#mid.small.encoder.up", "p.Outer#mid.small.encoder.gate",
        "p.Outer#mid.small.decoder.up", "p.Outer#mid.small.decoder.gate"), keys);
    TensorSpec inner = HandWrittenModels.smallSpecs().get(3);
    assertEquals(inner.initializer(), specs.get(3).initializer());
    assertEquals(inner.fans(), specs.get(3).fans());
    assertEquals(inner.elementType(), specs.get(3).elementType());
  }
}
