package io.github.varscale.processor;

import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/** A compile error found while validating a model class, reported where it applies. */
record Problem(Site site, String text) {

  static Problem of(Site site, Message message, Object... args) {
    return new Problem(site, message.format(args));
  }

  void reportTo(Messager messager) {
    messager.printMessage(Diagnostic.Kind.ERROR, text, site.element(), site.mirror(), site.value());
  }
}
