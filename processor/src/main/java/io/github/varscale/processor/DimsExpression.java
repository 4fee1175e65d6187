package io.github.varscale.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;

/**
 * The grammar of one {@code @Shape(dims = ...)} entry: one or more terms joined by {@code *}, each
 * a positive integer literal or the simple name of a field, white space allowed around them.
 */
final class DimsExpression {
  private DimsExpression() {}

  /**
   * One term: a literal ({@code name} null) or a field's name.
   *
   * @param name the field's simple name, or null for a literal
   * @param literal the literal's value, or 0 for a name
   */
  record Term(String name, int literal) {
    boolean isLiteral() {
      return name == null;
    }
  }

  /** Why an entry does not parse, in words that follow "does not parse: ". */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  /** The terms of {@code text}, in order. */
  static List<Term> parse(String text) throws SyntaxError {
    List<Term> terms = new ArrayList<>();
    String[] pieces = text.split("\\*", -1);
    for (String piece : pieces) {
      String term = piece.strip();
      if (term.isEmpty()) {
        throw new SyntaxError(pieces.length == 1 ? "it is empty" : "a term before or after a * is"
            + " missing");
      }
      terms.add(term(term));
    }
    return List.copyOf(terms);
  }

  private static Term term(String term) throws SyntaxError {
    if (term.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int value;
      try {
        value = Integer.parseInt(term);
      } catch (NumberFormatException e) {
        throw new SyntaxError("the literal " + term + " does not fit an int");
      }
      if (value == 0) {
        throw new SyntaxError("the literal " + term + " is not a positive integer");
      }
      return new Term(null, value);
    }
    if (SourceVersion.isIdentifier(term) && !SourceVersion.isKeyword(term)) {
      return new Term(term, 0);
    }
    throw new SyntaxError("\"" + term + "\" is neither a positive integer nor the name of a field");
  }
}
