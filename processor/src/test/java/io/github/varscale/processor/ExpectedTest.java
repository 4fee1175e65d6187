package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.model;
import static io.github.varscale.processor.Expected.assertExactly;
import static io.github.varscale.processor.Expected.error;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The diagnostics assertion itself fails on every kind of mismatch, or it would prove nothing. */
class ExpectedTest {
  private static final JavaFileObject FILE = model(
      "  @HeNormal",
      "  @Shape({0})",
      "  float[] w;");
  private static final Compilation COMPILATION = compile(FILE).compilation();

  @Test
  void theRightExpectationPasses() {
    assertExactly(COMPILATION, error(Message.DIMENSION, FILE, "@Shape({0})").at("0"));
  }

  @Test
  void everyMismatchFails() {
    String missing = failure(COMPILATION);
    assertThat(missing).contains("expected 0 diagnostics, found 1");
    assertThat(failure(COMPILATION, error(Message.DIMENSION, FILE, "@Shape({0})"),
        error(Message.DIMENSION, FILE, "@Shape({0})"))).contains("expected 2 diagnostics");
    assertThat(failure(COMPILATION, error(Message.SIZE, FILE, "@Shape({0})")))
        .contains("expected CODE \"[varscale:size] \"");
    assertThat(failure(COMPILATION, error(Message.DIMENSION, FILE, "float[] w;")))
        .contains("on line 8, expected 9");
    assertThat(failure(COMPILATION, error(Message.DIMENSION, FILE, "@Shape({0})").at("@Shape")))
        .contains("at column 11, expected within \"@Shape\"");
    assertThat(failure(COMPILATION,
        error(Message.DIMENSION, Compilations.modelNamed("Other", "  @Shape({0})"), "@Shape")))
        .contains("p/M.java, expected");
    assertThat(failure(COMPILATION, error(Message.DIMENSION, FILE, "@Shape({0})").saying("x")))
        .contains("expected EXACT \"x\"");
  }

  private static String failure(Compilation compilation, Expected... expected) {
    return assertThrows(AssertionError.class, () -> assertExactly(compilation, expected))
        .getMessage();
  }
}
