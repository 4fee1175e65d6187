package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.varscale.processor.DimsExpression.SyntaxError;
import io.github.varscale.processor.DimsExpression.Term;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grammar of a {@code dims} entry: terms joined by {@code *}, spaces around them allowed. */
class DimsExpressionTest {

  @Test
  void termsAreLiteralsAndNamesInOrder() throws SyntaxError {
    assertThat(DimsExpression.parse("4 * dModel")).containsExactly(new Term(null, 4),
        new Term("dModel", 0)).inOrder();
    assertThat(DimsExpression.parse(" heads*HEAD_DIM*2 ")).containsExactly(new Term("heads", 0),
        new Term("HEAD_DIM", 0), new Term(null, 2)).inOrder();
    assertThat(DimsExpression.parse("2147483647")).containsExactly(new Term(null, Integer.MAX_VALUE));
    assertThat(DimsExpression.parse("007")).isEqualTo(List.of(new Term(null, 7)));
  }

  @Test
  void malformedEntriesSayWhy() {
    assertThat(message("")).isEqualTo("it is empty");
    assertThat(message("2 *")).isEqualTo("a term before or after a * is missing");
    assertThat(message("2147483648")).isEqualTo("the literal 2147483648 does not fit an int");
    assertThat(message("0")).isEqualTo("the literal 0 is not a positive integer");
    assertThat(message("n + 1")).isEqualTo("\"n + 1\" is neither a positive integer nor the name"
        + " of a field");
  }

  private static String message(String entry) {
    return assertThrows(SyntaxError.class, () -> DimsExpression.parse(entry)).getMessage();
  }
}
