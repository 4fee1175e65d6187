package io.github.varscale.processor;

import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/**
 * A compile error found while judging a model class, reported where it applies.
 *
 * @param site where javac points
 * @param message which mistake it is, for tests that assert on the kind rather than the text
 * @param text the full message
 */
record Problem(Site site, Message message, String text) {

  static Problem of(Site site, Message message, Object... args) {
    return new Problem(site, message, message.format(args));
  }

  /**
   * Prints the error at its site.
   *
   * @param intoArrays whether the compiler can point at one element of an array attribute; if
   *     not, the error goes to the whole attribute, which is nearer than the annotation
   */
  void reportTo(Messager messager, boolean intoArrays) {
    messager.printMessage(Diagnostic.Kind.ERROR, text, site.element(), site.mirror(),
        intoArrays ? site.value() : site.attribute());
  }
}
