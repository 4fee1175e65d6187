package io.github.varscale.processor;

import java.util.Locale;

/**
 * Every diagnostic the processor prints, each with its own stable code such as {@code
 * [varscale:scale]} that users can search for (the README lists them), then what is wrong, what
 * was found and how to fix it.
 */
enum Message {
  // ---- the field's declaration
  TYPE(
      "type",
      "field %s must be a float or double array, found %s; declare it as float[] or double[],"
          + " or as a nested float or double array with one dimension per shape dimension"),
  MODIFIER(
      "modifier",
      "field %s is %s, but the generated initializer %s; make it %s"),
  MODEL_KIND(
      "model-kind",
      "%s is %s, whose fields are final, so no initializer can allocate them; declare the model"
          + " as a class with non-private, non-final instance fields"),
  ACCESS(
      "access",
      "field %s belongs to a class the generated initializer cannot reach: %s;"
          + " make the class and the classes enclosing it non-private members"),
  DUPLICATE(
      "duplicate",
      "field %s has more than one initializer annotation: @%s and @%s; keep exactly one"),
  INITIALIZER_MISSING(
      "initializer",
      "field %s has @Shape but no initializer annotation; add one, e.g. @GlorotUniform for a"
          + " kernel or @Zeros for a bias, or remove @Shape"),
  SHAPE_MISSING(
      "shape",
      "field %s has no @Shape; declare its dimensions, e.g. @Shape({784, 256}) for a dense"
          + " layer with 784 inputs and 256 outputs"),

  // ---- the initializer's settings
  SCALE(
      "scale",
      "scale must be a finite number > 0, found %s;"
          + " use e.g. scale = 1.0 (LeCun, Glorot), scale = 2.0 (He, for ReLU) or a Gain constant"),
  PRESET(
      "preset",
      "preset @%s is misconfigured: its @VarianceScaled scale must be a finite number > 0,"
          + " found %s; fix the declaration of %s"),
  STDDEV(
      "stddev",
      "stddev must be a finite number > 0, found %s; Keras's default is 0.05, GPT-2's 0.02"),
  NOT_FINITE("finite", "%s must be a finite number, found %s; give it a finite value"),
  RANGE(
      "range",
      "minval must be < maxval, found minval = %s and maxval = %s; give a non-empty range"),
  OVERFLOW(
      "overflow",
      "field %s would hold values %s the largest %s (%s); %s"),

  // ---- @Shape
  SHAPE_BOTH(
      "shape-both",
      "@Shape of field %s gives both value and dims; give value for compile-time constants or"
          + " dims for expressions read from the model, not both"),
  SHAPE_NEITHER(
      "shape-neither",
      "@Shape of field %s gives neither value nor dims; give value = {...} (value = {} for a"
          + " scalar) or dims = {...}"),
  DIMENSION(
      "dimension",
      "dimension %d of field %s must be > 0, found %d;"
          + " give the number of elements along that axis"),
  SIZE(
      "size",
      "shape %s of field %s has %s elements, more than a Java array can hold (%d);"
          + " split the tensor into several fields, or write it with a hand-made TensorSpec"),
  RANK(
      "rank",
      "field %s is a %d-dimensional array but its shape %s has rank %d; %s"),
  DIMS_SYNTAX(
      "dims-syntax",
      "dims entry %d of field %s, \"%s\", does not parse: %s; write one or more terms joined"
          + " by *, each a positive integer or the name of an int field, e.g. \"4 * dModel\""),
  DIMS_NAME(
      "dims-name",
      "dims entry %d of field %s reads %s, which is no field of %s or its superclasses;%s"),
  DIMS_TYPE(
      "dims-type",
      "dims entry %d of field %s reads %s, a field of type %s; a dimension is read from an int"
          + " field: declare %s as int"),
  DIMS_ACCESS(
      "dims-access",
      "dims entry %d of field %s reads %s, which the generated initializer in package %s cannot"
          + " read: %s; make it %s"),

  // ---- fan axes
  AXES_PAIR(
      "axes-pair",
      "@Shape of field %s gives %s without %s; explicit fan axes come in pairs: give both"
          + " inAxes and outAxes, or neither and a layout"),
  AXES_LAYOUT(
      "axes-layout",
      "@Shape of field %s gives a layout and explicit inAxes and outAxes; the axes replace the"
          + " layout: remove layout"),
  AXES_EMPTY(
      "axes-empty",
      "%s of field %s is empty; explicit fan axes name at least one input and one output axis,"
          + " e.g. inAxes = 0, outAxes = {1, 2}"),
  AXES_RANGE(
      "axes-range",
      "%s of field %s names axis %d, out of range for its shape of rank %d: axes are in [%d, %d]"
          + " (negative ones count from the end)"),
  AXES_REPEATED(
      "axes-repeated",
      "%s of field %s names axis %d twice (as %d and %d); name each axis once"),
  AXES_OVERLAP(
      "axes-overlap",
      "axis %d of field %s is in both %s and %s; each axis is in at most one group"),
  AXES_CHANNEL(
      "axes-channel",
      "batchAxes of field %s names axis %d, a channel of layout %s for its shape of rank %d;"
          + " a batch axis counts in neither fan, so it cannot be the layout's input or output"),

  // ---- @Submodel
  SUBMODEL_ANNOTATION(
      "submodel-annotation",
      "@Submodel field %s also carries @%s; a part's tensors carry their own annotations in its"
          + " class: remove @%s"),
  SUBMODEL_TYPE(
      "submodel-type",
      "@Submodel field %s has type %s; %s"),
  SUBMODEL_CYCLE(
      "submodel-cycle",
      "@Submodel field %s closes a cycle of part types: %s; a model cannot contain a part of"
          + " its own class or of a subclass, directly or through other parts"),
  SUBMODEL_FAILED(
      "submodel-failed",
      "cannot generate %s: part type %s has varscale errors (reported on it); fix them first"),

  // ---- names
  NAME_CLASH(
      "name-clash", "fields %s and %s of %s both map to the nested class %s.%s; rename one"),
  NAME_ENCLOSING(
      "name-enclosing",
      "field %s maps to the nested class %s, the name of the generated class itself;"
          + " rename the field"),
  NAME_INVALID(
      "name-invalid",
      "field %s maps to the nested class name \"%s\", which is not a legal Java name;"
          + " rename the field so that it starts with a letter, e.g. w%s"),
  NAME_HIDES(
      "name-hides",
      "field %s maps to the nested class %s, which would hide the class %s that the generated"
          + " code must name, and classes of the unnamed package cannot be written qualified;"
          + " rename the field or move the classes into a package"),
  NAME_TAKEN(
      "name-taken",
      "cannot generate %s for %s: a type of that name already exists in the sources;"
          + " rename that type or the model class"),
  INITIALIZER_TWICE(
      "initializer-twice",
      "cannot generate %s for %s: it is also the name of the initializer of %s; rename one of"
          + " the two classes"),
  FIELD_TWICE(
      "field-twice",
      "%s has the name of %s, which superclass %s declares; tensor and part names make the"
          + " paths of a model's tensors, which must be unique: rename one of them"),
  SUPERCLASS(
      "superclass",
      "cannot generate %s: superclass %s has varscale errors (reported on it);"
          + " fix them first"),

  // ---- the processor itself
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
