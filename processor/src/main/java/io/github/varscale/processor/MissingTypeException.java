package io.github.varscale.processor;

/**
 * Thrown while reading a model class that refers to a type javac cannot resolve yet, typically one
 * another processor generates in a later round. The class is then retried by name next round.
 */
final class MissingTypeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param what names what could not be resolved, for the error if it never appears */
  MissingTypeException(String what) {
    super(what, null, false, false);
  }
}
