package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;
import static io.github.varscale.processor.Compilations.LINT;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.model;
import static io.github.varscale.processor.Compilations.source;
import static io.github.varscale.processor.Expected.assertExactly;
import static io.github.varscale.processor.Expected.error;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.github.varscale.processor.Compilations.Spy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every diagnostic of {@link Message}, as the README's table lists them: for each, a smallest
 * model that gets it, alone, with its exact text. The cases come from the enum itself, so that a
 * new message without an example here fails; the other diagnostics tests vary the cases and sites.
 */
class MessageCatalogueTest {

  /** A compilation's diagnostics, and the one error they must be. */
  private record Example(Supplier<List<Diagnostic<? extends JavaFileObject>>> diagnostics,
      JavaFileObject file, String line, String text) {}

  private static final Map<Message, Example> CATALOGUE = new EnumMap<>(Message.class);

  private static void example(Message message, String line, String text, String... members) {
    JavaFileObject file = model(members);
    CATALOGUE.put(message,
        new Example(() -> compile(file).compilation().diagnostics(), file, line, text));
  }

  private static void example(Message message, JavaFileObject file, String line, String text,
      Supplier<List<Diagnostic<? extends JavaFileObject>>> diagnostics) {
    CATALOGUE.put(message, new Example(diagnostics, file, line, text));
  }

  static {
    example(Message.TYPE, "int[] w",
        "field p.M.w must be a float or double array, found int[]; declare it as float[] or"
            + " double[], or as a nested float or double array with one dimension per shape"
            + " dimension",
        "  @HeNormal @Shape(2) int[] w;");
    example(Message.MODIFIER, "float[] w",
        "field p.M.w is final, but the generated initializer assigns it through the model; make"
            + " it a non-private, non-final instance field",
        "  @HeNormal @Shape(2) final float[] w = new float[2];");
    example(Message.MODEL_KIND, "float[] W",
        "p.M.I is an interface, whose fields are final, so no initializer can allocate them;"
            + " declare the model as a class with non-private, non-final instance fields",
        "  interface I { @HeNormal @Shape(2) float[] W = null; }");
    example(Message.ACCESS, "float[] w",
        "field p.M.H.w belongs to a class the generated initializer cannot reach: p.M.H is"
            + " private; make the class and the classes enclosing it non-private members",
        "  private static class H { @HeNormal @Shape(2) float[] w; }");
    example(Message.DUPLICATE, "float[] w",
        "field p.M.w has more than one initializer annotation: @Zeros and @Ones; keep exactly one",
        "  @Zeros @Ones @Shape(2) float[] w;");
    example(Message.INITIALIZER_MISSING, "float[] w",
        "field p.M.w has @Shape but no initializer annotation; add one, e.g. @GlorotUniform for a"
            + " kernel or @Zeros for a bias, or remove @Shape",
        "  @Shape(2) float[] w;");
    example(Message.SHAPE_MISSING, "float[] w",
        "field p.M.w has no @Shape; declare its dimensions, e.g. @Shape({784, 256}) for a dense"
            + " layer with 784 inputs and 256 outputs",
        "  @HeNormal float[] w;");
    example(Message.SCALE, "float[] w",
        "scale must be a finite number > 0, found 0.0; use e.g. scale = 1.0 (LeCun, Glorot),"
            + " scale = 2.0 (He, for ReLU) or a Gain constant",
        "  @VarianceScaled(scale = 0) @Shape(2) float[] w;");
    JavaFileObject preset = source("p.Bad",
        "package p;",
        "@io.github.varscale.VarianceScaled(scale = -1)",
        "public @interface Bad {}");
    JavaFileObject usesPreset = model("  @Bad @io.github.varscale.Shape(2) float[] w;");
    example(Message.PRESET, usesPreset, "float[] w",
        "preset @Bad is misconfigured: its @VarianceScaled scale must be a finite number > 0,"
            + " found -1.0; fix the declaration of p.Bad",
        // The preset's own error and javac's lint about it are the other cases' business.
        () -> compileDropping(List.of(preset), usesPreset, Message.SCALE, "/p.Bad"));
    example(Message.STDDEV, "float[] w",
        "stddev must be a finite number > 0, found -1.0; Keras's default is 0.05, GPT-2's 0.02",
        "  @RandomNormal(stddev = -1) @Shape(2) float[] w;");
    example(Message.NOT_FINITE, "float[] w",
        "value must be a finite number, found Infinity; give it a finite value",
        "  @Constant(1 / 0.0) @Shape(2) float[] w;");
    example(Message.RANGE, "float[] w",
        "minval must be < maxval, found minval = 2.0 and maxval = 1.0; give a non-empty range",
        "  @RandomUniform(minval = 2, maxval = 1) @Shape(2) float[] w;");
    example(Message.OVERFLOW, "float[] w",
        "field p.M.w would hold values up to 1.0E40, past the largest float (3.4028235E38); use a"
            + " smaller value or a double field",
        "  @Constant(1e40) @Shape(2) float[] w;");
    example(Message.SHAPE_BOTH, "float[] w",
        "@Shape of field p.M.w gives both value and dims; give value for compile-time constants"
            + " or dims for expressions read from the model, not both",
        "  @HeNormal @Shape(value = 2, dims = \"2\") float[] w;");
    example(Message.SHAPE_NEITHER, "float[] w",
        "@Shape of field p.M.w gives neither value nor dims; give value = {...} (value = {} for a"
            + " scalar) or dims = {...}",
        "  @HeNormal @Shape float[] w;");
    example(Message.DIMENSION, "float[] w",
        "dimension 0 of field p.M.w must be > 0, found -2; give the number of elements along that"
            + " axis",
        "  @HeNormal @Shape(-2) float[] w;");
    example(Message.SIZE, "float[] w",
        "shape [65536, 65536] of field p.M.w has 4294967296 elements, more than a Java array can"
            + " hold (2147483639); split the tensor into several fields, or write it with a"
            + " hand-made TensorSpec",
        "  @HeNormal @Shape({65536, 65536}) float[] w;");
    example(Message.RANK, "float[][] w",
        "field p.M.w is a 2-dimensional array but its shape [4] has rank 1; declare it as a flat"
            + " float[] or as a nested float[] with one dimension per shape dimension",
        "  @HeNormal @Shape(4) float[][] w;");
    example(Message.DIMS_SYNTAX, "float[] w",
        "dims entry 0 of field p.M.w, \"2 + n\", does not parse: \"2 + n\" is neither a positive"
            + " integer nor the name of a field; write one or more terms joined by *, each a"
            + " positive integer or the name of an int field, e.g. \"4 * dModel\"",
        "  int n;",
        "  @HeNormal @Shape(dims = \"2 + n\") float[] w;");
    example(Message.DIMS_NAME, "float[] w",
        "dims entry 0 of field p.M.w reads heads, which is no field of p.M or its superclasses;"
            + " did you mean nHeads?",
        "  int nHeads;",
        "  @HeNormal @Shape(dims = \"heads\") float[] w;");
    example(Message.DIMS_TYPE, "float[] w",
        "dims entry 0 of field p.M.w reads n, a field of type long; a dimension is read from an"
            + " int field: declare n as int",
        "  long n;",
        "  @HeNormal @Shape(dims = \"n\") float[] w;");
    example(Message.DIMS_ACCESS, "float[] w",
        "dims entry 0 of field p.M.w reads n, which the generated initializer in package p cannot"
            + " read: it is private in p.M; make it package-private, protected or public",
        "  private int n;",
        "  @HeNormal @Shape(dims = \"n\") float[] w;");
    example(Message.AXES_PAIR, "float[] w",
        "@Shape of field p.M.w gives outAxes without inAxes; explicit fan axes come in pairs: give"
            + " both inAxes and outAxes, or neither and a layout",
        "  @HeNormal @Shape(value = {2, 3}, outAxes = 1) float[] w;");
    example(Message.AXES_LAYOUT, "float[] w",
        "@Shape of field p.M.w gives a layout and explicit inAxes and outAxes; the axes replace"
            + " the layout: remove layout",
        "  @HeNormal @Shape(value = {2, 3}, inAxes = 1, outAxes = 0,",
        "      layout = Layout.OUT_IN) float[] w;");
    example(Message.AXES_EMPTY, "float[] w",
        "outAxes of field p.M.w is empty; explicit fan axes name at least one input and one"
            + " output axis, e.g. inAxes = 0, outAxes = {1, 2}",
        "  @HeNormal @Shape(value = {2, 3}, inAxes = 0, outAxes = {}) float[] w;");
    example(Message.AXES_RANGE, "float[] w",
        "outAxes of field p.M.w names axis 2, out of range for its shape of rank 2: axes are in"
            + " [-2, 1] (negative ones count from the end)",
        "  @HeNormal @Shape(value = {2, 3}, inAxes = 0, outAxes = 2) float[] w;");
    example(Message.AXES_REPEATED, "float[] w",
        "inAxes of field p.M.w names axis 1 twice (as -2 and 1); name each axis once",
        "  @HeNormal @Shape(value = {2, 3, 4}, inAxes = {-2, 1}, outAxes = 2) float[] w;");
    example(Message.AXES_OVERLAP, "float[] w",
        "axis 1 of field p.M.w is in both inAxes and outAxes; each axis is in at most one group",
        "  @HeNormal @Shape(value = {2, 3}, inAxes = 1, outAxes = 1) float[] w;");
    example(Message.AXES_CHANNEL, "float[] w",
        "batchAxes of field p.M.w names axis 0, a channel of layout IN_OUT for its shape of rank"
            + " 2; a batch axis counts in neither fan, so it cannot be the layout's input or"
            + " output",
        "  @HeNormal @Shape(value = {2, 3}, batchAxes = 0) float[] w;");
    example(Message.SUBMODEL_ANNOTATION, "Part part",
        "@Submodel field p.M.part also carries @Zeros; a part's tensors carry their own annotations"
            + " in its class: remove @Zeros",
        "  @Submodel @Zeros Part part;",
        "  static class Part { @Zeros @Shape(2) float[] w; }");
    example(Message.SUBMODEL_TYPE, "Object part",
        "@Submodel field p.M.part has type java.lang.Object; java.lang.Object is no model class:"
            + " neither it nor a superclass declares tensor or @Submodel fields",
        "  @Submodel Object part;");
    example(Message.SUBMODEL_CYCLE, "M self",
        "@Submodel field p.M.self closes a cycle of part types: p.M -> p.M; a model cannot contain"
            + " a part of its own class or of a subclass, directly or through other parts",
        "  @Submodel M self;",
        "  @Zeros @Shape(2) float[] w;");
    JavaFileObject failedPart = source("p.Part",
        "package p;",
        "public class Part { @io.github.varscale.Zeros @io.github.varscale.Shape(0) float[] w; }");
    JavaFileObject holder = model("  @Submodel Part part;");
    example(Message.SUBMODEL_FAILED, holder, "Part part",
        "cannot generate p.MInitializer: part type p.Part has varscale errors (reported on it);"
            + " fix them first",
        () -> compileDropping(List.of(failedPart), holder, Message.DIMENSION, null));
    example(Message.NAME_CLASH, "float[] aB",
        "fields a_b and aB of p.M both map to the nested class MInitializer.AB; rename one",
        "  @Zeros @Shape(2) float[] a_b;",
        "  @Zeros @Shape(2) float[] aB;");
    example(Message.NAME_ENCLOSING, "float[] m_initializer",
        "field p.M.m_initializer maps to the nested class MInitializer, the name of the generated"
            + " class itself; rename the field",
        "  @Zeros @Shape(2) float[] m_initializer;");
    example(Message.NAME_INVALID, "float[] _0",
        "field p.M._0 maps to the nested class name \"0\", which is not a legal Java name; rename"
            + " the field so that it starts with a letter, e.g. w0",
        "  @Zeros @Shape(2) float[] _0;");
    JavaFileObject unnamed = source("Net",
        "public class Net { @io.github.varscale.Zeros @io.github.varscale.Shape(2) float[] net; }");
    example(Message.NAME_HIDES, unnamed, "float[] net",
        "field Net.net maps to the nested class Net, which would hide the class Net that the"
            + " generated code must name, and classes of the unnamed package cannot be written"
            + " qualified; rename the field or move the classes into a package",
        () -> compile(unnamed).compilation().diagnostics());
    JavaFileObject taken = source("p.MInitializer", "package p;", "class MInitializer {}");
    JavaFileObject takesName = model("  @Zeros @Shape(2) float[] w;");
    example(Message.NAME_TAKEN, takesName, "public class M",
        "cannot generate p.MInitializer for p.M: a type of that name already exists in the"
            + " sources; rename that type or the model class",
        () -> compile(taken, takesName).compilation().diagnostics());
    JavaFileObject nested = model("  static class X { @Zeros @Shape(2) float[] w; }");
    example(Message.INITIALIZER_TWICE, nested, "class X",
        "cannot generate p.M_XInitializer for p.M.X: it is also the name of the initializer of"
            + " p.M_X; rename one of the two classes",
        // The error on p.M_X, the same the other way round, is NameDiagnosticsTest's.
        () -> compileDropping(List.of(source("p.M_X", "package p;",
            "class M_X { @io.github.varscale.Zeros @io.github.varscale.Shape(2) float[] w; }")),
            nested, null, "for p.M_X:"));
    JavaFileObject base = source("p.Base",
        "package p;",
        "public class Base { @io.github.varscale.Zeros @io.github.varscale.Shape(2) float[] w; }");
    JavaFileObject derived = source("p.M",
        "package p;",
        "public class M extends Base {",
        "  @io.github.varscale.Zeros @io.github.varscale.Shape(2) float[] w;",
        "}");
    example(Message.FIELD_TWICE, derived, "float[] w",
        "field p.M.w has the name of p.Base.w, which superclass p.Base declares; tensor and part"
            + " names make the paths of a model's tensors, which must be unique: rename one of"
            + " them",
        () -> compile(base, derived).compilation().diagnostics());
    JavaFileObject failedBase = source("p.Base",
        "package p;",
        "public class Base { @io.github.varscale.Zeros @io.github.varscale.Shape(0) float[] w; }");
    JavaFileObject subclass = source("p.M",
        "package p;",
        "public class M extends Base {",
        "  @io.github.varscale.Zeros @io.github.varscale.Shape(2) float[] v;",
        "}");
    example(Message.SUPERCLASS, subclass, "public class M",
        "cannot generate p.MInitializer: superclass p.Base has varscale errors (reported on it);"
            + " fix them first",
        () -> compileDropping(List.of(failedBase), subclass, Message.DIMENSION, null));
    JavaFileObject unresolved = model("  @Zeros @Shape(2) Later[] w;");
    example(Message.UNRESOLVED, unresolved, "public class M",
        "cannot generate p.MInitializer: the type Later[] of field p.M.w could not be resolved"
            + " after the last round; if it is generated by another processor, check that"
            + " processor's errors above",
        () -> compileDropping(List.of(), unresolved, null, "cannot find symbol"));
    JavaFileObject written = model("  @Zeros @Shape(2) float[] w;");
    example(Message.WRITE, written, "public class M",
        "cannot write p.MInitializer: javax.annotation.processing.FilerException: Attempt to"
            + " recreate a file for type p.MInitializer",
        () -> compileDropping(javac(), Spy.writingFirst("p.MInitializer", "package p; class"
            + " MInitializer {}"), List.of(), written, null, "multiple times"));
    JavaFileObject broken = model("  @Zeros @Shape(2) float[] w;");
    example(Message.INTERNAL, broken, "public class M", null,
        () -> compile(javac(), Spy.inEnvironment(env -> Compilations.proxy(
            ProcessingEnvironment.class, (method, args) -> method.getName().equals("getTypeUtils")
                ? Compilations.proxy(Types.class, (m, a) -> {
                  throw new IllegalStateException("broken");
                })
                : method.invoke(env, args))), LINT, broken).compilation().diagnostics());
  }

  /**
   * Compiles {@code others} and {@code file}, and leaves out the diagnostics that are not about
   * {@code file}'s case, which other tests assert: those with {@code otherCode}, or containing
   * {@code otherText}.
   */
  private static List<Diagnostic<? extends JavaFileObject>> compileDropping(
      List<JavaFileObject> others, JavaFileObject file, Message otherCode, String otherText) {
    return compileDropping(javac(), new Spy(), others, file, otherCode, otherText);
  }

  private static List<Diagnostic<? extends JavaFileObject>> compileDropping(Compiler compiler,
      Spy spy, List<JavaFileObject> others, JavaFileObject file, Message otherCode,
      String otherText) {
    List<JavaFileObject> sources = new ArrayList<>(others);
    sources.add(file);
    Compilation compilation = compile(compiler, spy, LINT,
        sources.toArray(JavaFileObject[]::new)).compilation();
    return compilation.diagnostics().stream()
        .filter(d -> {
          String text = d.getMessage(null);
          return !(otherCode != null && text.startsWith(otherCode.code())
              || otherText != null && text.contains(otherText));
        })
        .collect(Collectors.toList());
  }

  @ParameterizedTest
  @EnumSource(Message.class)
  void everyMessageIsReportedAloneWithItsExactText(Message message) {
    Example example = CATALOGUE.get(message);
    assertWithMessage("no example for %s: add one to the catalogue", message)
        .that(example).isNotNull();
    List<Diagnostic<? extends JavaFileObject>> diagnostics = example.diagnostics().get();
    if (example.text() == null) {
      // The internal error's text holds a stack trace: its start is what is fixed.
      assertExactly(diagnostics, error(message, example.file(), example.line()));
      assertThat(diagnostics.get(0).getMessage(null)).startsWith(message.code()
          + " unexpected error while processing p.M; please report it with this message:"
          + " java.lang.IllegalStateException: broken");
    } else {
      assertExactly(diagnostics, error(message, example.file(), example.line())
          .saying(message.code() + " " + example.text()));
    }
  }

  @Test
  void everyCodeIsItsOwnAndSpelledTheSameWay() {
    List<String> codes = Arrays.stream(Message.values()).map(Message::code).toList();
    assertThat(codes).containsNoDuplicates();
    for (String code : codes) {
      assertThat(code).matches("\\[varscale:[a-z]+(-[a-z]+)*]");
    }
    assertThat(Stream.of(Message.values()).map(m -> m.format(new Object[8]).split(" ")[0]))
        .containsExactlyElementsIn(codes).inOrder();
  }
}
