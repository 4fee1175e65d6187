package io.github.varscale.bench;

import static io.github.varscale.bench.ProcessorCost.Models.FLAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSourcesTest {

  private static final int N = 3;
  private static final long SEED = 7;

  @Test
  void theSourcesDependOnlyOnTheirCount() {
    assertEquals(FLAT.annotated(N), FLAT.annotated(N));
    assertEquals(FLAT.handWritten(N), FLAT.handWritten(N));
    assertEquals(FloorSources.apiMinimum(N), FloorSources.apiMinimum(N));
    assertEquals(FLAT.annotated(N).subList(0, 2), FLAT.annotated(2));
  }

  @Test
  void theHandWrittenModelsCompileAgainstTheRuntime(@TempDir Path dir) {
    Javac.compile(FLAT.handWritten(N), dir, false);
  }

  @Test
  void theAnnotatedModelsAndTheFloorsCompileWithoutTheProcessor(@TempDir Path dir) {
    List<SourceFile> files = new ArrayList<>(FLAT.annotated(N));
    files.addAll(FloorSources.apiMinimum(N));
    Javac.compile(files, dir.resolve("minimum"), false);
    files = new ArrayList<>(FLAT.annotated(N));
    files.addAll(FloorSources.empty(N));
    Javac.compile(files, dir.resolve("empty"), false);
  }

  /**
   * The baseline is honest: a hand-written model holds exactly the values the processor's
   * initializer writes into the annotated one, field by field.
   */
  @Test
  void aHandWrittenModelHoldsTheValuesOfTheAnnotatedModelInitializedByTheProcessor(
      @TempDir Path dir) throws Exception {
    ClassLoader annotated = Javac.compile(FLAT.annotated(N), dir.resolve("a"), true);
    assertEquals(N, Javac.generatedSources(dir.resolve("a")));
    ClassLoader byHand = Javac.compile(FLAT.handWritten(N), dir.resolve("h"), false);
    for (int i = 0; i < N; i++) {
      String name = ModelSources.PACKAGE + "." + ModelSources.name(i);
      Class<?> annotatedType = annotated.loadClass(name);
      Object expected = annotatedType.getConstructor().newInstance();
      annotated.loadClass(name + "Initializer").getMethod("initialize", annotatedType, long.class)
          .invoke(null, expected, SEED);
      Object actual = byHand.loadClass(name).getConstructor(long.class).newInstance(SEED);
      for (TensorField field : ModelSources.fields(i)) {
        Field e = annotatedType.getField(field.name());
        Field a = actual.getClass().getField(field.name());
        assertTrue(e.get(expected) != null, field.name());
        assertArrayEquals(new Object[] {e.get(expected)}, new Object[] {a.get(actual)},
            name + "#" + field.name());
      }
    }
  }
}
