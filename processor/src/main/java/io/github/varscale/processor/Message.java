package io.github.varscale.processor;

import java.util.Locale;

/**
 * Every diagnostic the processor prints. Each starts with a stable code such as {@code
 * [varscale:scale]} that users can search for, then says what is wrong, what was found and how to
 * fix it.
 */
enum Message {
  TYPE(
      "type",
      "field %s must be a float or double array (float[], double[][], ...), found %s;"
          + " change its type"),
  SCALE(
      "scale",
      "scale must be a finite number > 0, found %s;"
          + " use e.g. scale = 1.0 (LeCun, Glorot) or scale = 2.0 (He, for ReLU)"),
  PRESET(
      "preset",
      "preset @%s is misconfigured: its @VarianceScaled scale must be a finite number > 0,"
          + " found %s; fix the declaration of %s"),
  SHAPE_MISSING(
      "shape",
      "field %s has no @Shape; declare its dimensions, e.g. @Shape({784, 256}) for a dense"
          + " layer with 784 inputs and 256 outputs"),
  INITIALIZER_MISSING(
      "initializer",
      "field %s has @Shape but no @VarianceScaled or preset; add one, e.g. @GlorotUniform,"
          + " or remove @Shape"),
  DIMENSION(
      "dimension",
      "dimension %d of field %s must be > 0, found %d;"
          + " give the number of elements along that axis"),
  SIZE(
      "size",
      "shape %s of field %s has %d elements, more than a Java array can hold (%d);"
          + " split the tensor into several fields or use VarianceScaling.fill on slices"),
  RANK(
      "rank",
      "field %s is a %d-dimensional array but its shape %s has rank %d;"
          + " declare it as a flat %s[] or as a nested array with %d dimensions"),
  MODIFIER(
      "modifier",
      "field %s is %s, but the generated initializer assigns it through the model;"
          + " make it a non-private, non-final instance field"),
  ACCESS(
      "access",
      "field %s belongs to a class the generated initializer cannot reach: %s;"
          + " make the class and the classes enclosing it non-private members"),
  DUPLICATE(
      "duplicate",
      "field %s has more than one initializer annotation: @%s and @%s; keep exactly one"),
  NAME_CLASH("name", "fields %s and %s both map to the nested class %s.%s; rename one of them"),
  NAME_ENCLOSING(
      "name",
      "field %s maps to the nested class %s, the name of the generated class itself;"
          + " rename the field"),
  NAME_TAKEN(
      "name",
      "cannot generate %s for %s: a type of that name already exists in the sources;"
          + " rename that type or the model class"),
  SUPERCLASS(
      "superclass",
      "cannot generate %s: superclass %s has varscale errors (reported on it);"
          + " fix them first"),
  UNRESOLVED("unresolved", "cannot generate %s: %s could not be resolved after the last round; %s"),
  WRITE("write", "cannot write %s: %s"),
  INTERNAL(
      "internal", "unexpected error while processing %s; please report it with this message: %s");

  private final String code;
  private final String template;

  Message(String code, String template) {
    this.code = code;
    this.template = template;
  }

  /** The stable code, e.g. {@code [varscale:scale]}. */
  String code() {
    return "[varscale:" + code + "]";
  }

  /** The full text; {@link Locale#ROOT} keeps numbers the same on every machine. */
  String format(Object... args) {
    return code() + " " + String.format(Locale.ROOT, template, args);
  }
}
