package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static io.github.varscale.processor.Compilations.STRICT;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Expected.assertExactly;

import io.github.varscale.processor.Compilations.Compiled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A few generated initializers compared with files under {@code src/test/resources/golden}, to
 * catch output that is correct but ugly: what a user reads when following {@code initialize} into
 * the generated code. Run with {@code -Dgolden.update=true} to rewrite them, then read the diff.
 */
class GoldenTest {
  private static Compiled compiled;

  @BeforeAll
  static void compileModels() {
    compiled = compile(STRICT, Models.all());
    assertExactly(compiled.compilation());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "MlpInitializer", // constant shapes, flat and nested, every law; the no-argument specs()
    "AttentionInitializer", // dims read from fields, a folded constant, explicit axes
    "BlockInitializer", // dims and single parts: spec(model), no specs()
    "GptInitializer", // arrays and lists of parts: no specs()
    "DeepInitializer" // a generic subclass: the superclass's walk and specs()
  })
  void generatedSourceIsTheGoldenFile(String initializer) throws IOException {
    String generated = compiled.generated("p." + initializer);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(Path.of("src/test/resources/golden", initializer + ".java"), generated);
    }
    assertWithMessage("p.%s; rerun with -Dgolden.update=true to see the difference", initializer)
        .that(generated).isEqualTo(golden(initializer));
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = GoldenTest.class.getResourceAsStream("/golden/" + name + ".java")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
