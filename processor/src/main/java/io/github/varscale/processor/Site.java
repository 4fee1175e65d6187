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
 * @param value the attribute's value, or one element of an array attribute; null for the whole
 *     annotation (also when the attribute is defaulted)
 * @param attribute the whole attribute {@code value} is, or is an element of: where to point when
 *     the compiler cannot find the elements of arrays (Eclipse's compiler falls back to the whole
 *     annotation for them)
 */
record Site(Element element, AnnotationMirror mirror, AnnotationValue value,
    AnnotationValue attribute) {

  static Site of(Element element) {
    return new Site(element, null, null, null);
  }

  static Site of(Element element, AnnotationMirror mirror) {
    return new Site(element, mirror, null, null);
  }

  /** The same element and annotation, at another attribute. */
  Site at(AnnotationValue attribute) {
    return new Site(element, mirror, attribute, attribute);
  }

  /** The same element and annotation, at one element of the array attribute {@code attribute}. */
  Site at(AnnotationValue attribute, AnnotationValue arrayElement) {
    return new Site(element, mirror, arrayElement, attribute);
  }

  /**
   * Where the site falls among its element's annotations and their attributes, in the order they
   * are written (javac keeps attributes in source order): for sorting an element's problems into
   * the order a reader meets them. The element itself, whose name follows its annotations, comes
   * last.
   */
  int sourceRank() {
    if (mirror == null) {
      return Integer.MAX_VALUE;
    }
    int annotation = element.getAnnotationMirrors().indexOf(mirror);
    int rank = (annotation < 0 ? 0 : annotation) * 1_000_000;
    int index = 1;
    for (AnnotationValue written : mirror.getElementValues().values()) {
      if (written.equals(value) || written.equals(attribute)) {
        int element = written.getValue() instanceof java.util.List<?> list && value != null
            ? list.indexOf(value) + 1 : 0;
        return rank + index * 1_000 + element;
      }
      index++;
    }
    // The annotation as a whole, or a defaulted attribute: before its written attributes.
    return rank;
  }
}
