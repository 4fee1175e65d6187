package io.github.varscale.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a fact was read from: an element, optionally one of its annotations and one attribute of
 * it, so that javac can put the caret under what the user has to change.
 *
 * @param element the element, never null
 * @param mirror the annotation, or null for the element itself
 * @param value the attribute, or null for the whole annotation (also when the value is defaulted)
 */
record Site(Element element, AnnotationMirror mirror, AnnotationValue value) {

  static Site of(Element element) {
    return new Site(element, null, null);
  }

  static Site of(Element element, AnnotationMirror mirror) {
    return new Site(element, mirror, null);
  }

  /** The same element and annotation, at another attribute. */
  Site at(AnnotationValue attribute) {
    return new Site(element, mirror, attribute);
  }
}
