package io.github.varscale.bench;

import static io.github.varscale.bench.ProcessorCost.Models.COMPOSED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.varscale.Distribution;
import io.github.varscale.Fans;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.VarianceScaling;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotated composed models need the version 2 runtime and processor, so here only their
 * text is checked; the hand-written ones compile against this runtime and are run.
 */
class ComposedSourcesTest {

  private static final String GPT = """
      package bench.composed;

      import io.github.varscale.GlorotUniform;
      import io.github.varscale.HeNormal;
      import io.github.varscale.Ones;
      import io.github.varscale.Shape;
      import io.github.varscale.Submodel;

      public class Gpt0001 {
        static final int D_MODEL = Block0001.D_MODEL;
        static final int VOCAB = 1001;
        static final int LAYERS = 12;

        @GlorotUniform @Shape({VOCAB, D_MODEL})
        public float[] embedding;
        @Ones @Shape({D_MODEL})
        public float[] finalNorm;

        @Submodel
        public Block0001[] blocks = new Block0001[LAYERS];

        public Gpt0001() {
          for (int b = 0; b < LAYERS; b++) {
            blocks[b] = new Block0001();
          }
        }
      }
      """;

  private static final String BLOCK = """
      package bench.composed;

      import io.github.varscale.GlorotUniform;
      import io.github.varscale.HeNormal;
      import io.github.varscale.Ones;
      import io.github.varscale.Shape;
      import io.github.varscale.Submodel;

      public class Block0001 {
        static final int D_MODEL = 80;
        static final int HEADS = 4;
        static final int HEAD_DIM = D_MODEL / HEADS;

        @Ones @Shape({D_MODEL})
        public float[] attnNorm;
        @GlorotUniform @Shape(value = {D_MODEL, HEADS, HEAD_DIM}, inAxes = {0}, outAxes = {1, 2})
        public float[] wq;
        @GlorotUniform @Shape(value = {D_MODEL, HEADS, HEAD_DIM}, inAxes = {0}, outAxes = {1, 2})
        public float[] wk;
        @GlorotUniform @Shape(value = {D_MODEL, HEADS, HEAD_DIM}, inAxes = {0}, outAxes = {1, 2})
        public float[] wv;
        @GlorotUniform @Shape(value = {HEADS, HEAD_DIM, D_MODEL}, inAxes = {0, 1}, outAxes = {2})
        public float[] wo;
        @Ones @Shape({D_MODEL})
        public float[] mlpNorm;
        @HeNormal @Shape({D_MODEL, 4 * D_MODEL})
        public float[] up;
        @HeNormal @Shape({4 * D_MODEL, D_MODEL})
        public float[] down;
      }
      """;

  @Test
  void eachAnnotatedModelIsAGptOfTwelveBlocksOfEightTensorFields() {
    List<SourceFile> files = COMPOSED.annotated(2);
    assertEquals(List.of("Gpt0000", "Block0000", "Gpt0001", "Block0001"),
        files.stream().map(SourceFile::className).toList());
    assertEquals(GPT, files.get(2).text());
    assertEquals(BLOCK, files.get(3).text());
    assertEquals(files, COMPOSED.annotated(2));
  }

  @Test
  void theHandWrittenModelsFillEachBlockUnderItsPathKey(@TempDir Path dir) throws Exception {
    ClassLoader loader = Javac.compile(COMPOSED.handWritten(2), dir, false);
    long seed = 11;
    Object gpt = loader.loadClass(ComposedSources.PACKAGE + ".Gpt0001")
        .getConstructor(long.class).newInstance(seed);
    Object blocks = gpt.getClass().getField("blocks").get(gpt);
    assertEquals(ComposedSources.LAYERS, Array.getLength(blocks));
    Object last = Array.get(blocks, ComposedSources.LAYERS - 1);
    float[] up = (float[]) last.getClass().getField("up").get(last);
    float[] expected = new float[80 * 320];
    VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL).fill(expected,
        Fans.of(Layout.IN_OUT, 80, 320), seed, "bench.composed.Gpt0001#blocks.11.up");
    assertArrayEquals(expected, up);
    float[] wq = (float[]) last.getClass().getField("wq").get(last);
    VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM).fill(expected = new float[80 * 80],
        new Fans(80, 80), seed, "bench.composed.Gpt0001#blocks.11.wq");
    assertArrayEquals(expected, wq);
    float[] norm = (float[]) gpt.getClass().getField("finalNorm").get(gpt);
    float[] ones = new float[80];
    java.util.Arrays.fill(ones, 1f);
    assertArrayEquals(ones, norm);
  }
}
