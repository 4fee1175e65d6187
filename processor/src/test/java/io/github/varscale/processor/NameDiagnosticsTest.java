package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.github.varscale.processor.Compilations.STRICT;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.model;
import static io.github.varscale.processor.Compilations.source;
import static io.github.varscale.processor.Expected.assertExactly;
import static com.google.testing.compile.Compiler.javac;
import static io.github.varscale.processor.Expected.error;
import static io.github.varscale.processor.Expected.errorInGenerated;

import io.github.varscale.processor.Compilations.Compiled;
import io.github.varscale.processor.Compilations.Spy;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The errors about names: of the nested classes the fields map to, of the initializer itself, of
 * fields that would make two tensors of one model share a path.
 */
class NameDiagnosticsTest {
  /** {@code p.Outer.Inner}, whose initializer is {@code p.Outer_InnerInitializer}. */
  private static final JavaFileObject OUTER_INNER = source("p.Outer",
      "package p;",
      "import io.github.varscale.*;",
      "public class Outer {",
      "  public static class Inner {",
      "    @HeNormal @Shape({2}) float[] w;",
      "  }",
      "}");

  @Test
  void fieldsWhoseNestedClassNamesCollide() {
    JavaFileObject file = model(
        "  @HeNormal @Shape({2}) float[] hidden_w;",
        "  @HeNormal @Shape({2})",
        "  float[] hiddenW;");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(), error(Message.NAME_CLASH, file, "float[] hiddenW;")
        .at("hiddenW")
        .saying("[varscale:name-clash] fields hidden_w and hiddenW of p.M both map to the nested"
            + " class MInitializer.HiddenW; rename one"));
    assertThat(compiled.written()).isEmpty();
  }

  @Test
  void fieldNamedAfterTheInitializer() {
    JavaFileObject file = model(
        "  @HeNormal @Shape({2})",
        "  float[] mInitializer;");
    assertExactly(compile(file).compilation(), error(Message.NAME_ENCLOSING, file, "mInitializer;")
        .saying("[varscale:name-enclosing] field p.M.mInitializer maps to the nested class"
            + " MInitializer, the name of the generated class itself; rename the field"));
  }

  @ParameterizedTest
  @CsvSource({"_1, 1, w1", "_2w, 2w, w2w", "__3d_kernel, 3dKernel, w3dKernel"})
  void fieldWhoseNestedClassNameIsNoJavaName(String field, String nested, String suggestion) {
    JavaFileObject file = model(
        "  @HeNormal @Shape({2})",
        "  float[] " + field + ";");
    Compiled compiled = compile(file);
    // A user's naming mistake, told how to fix: never the processor's internal error.
    assertExactly(compiled.compilation(), error(Message.NAME_INVALID, file, field + ";")
        .saying("[varscale:name-invalid] field p.M." + field + " maps to the nested class name \""
            + nested + "\", which is not a legal Java name; rename the field so that it starts"
            + " with a letter, e.g. " + suggestion));
    assertThat(compiled.written()).isEmpty();
  }

  @Test
  void nestedClassThatWouldHideTheModelInTheUnnamedPackage() {
    JavaFileObject file = source("Mlp",
        "import io.github.varscale.*;",
        "public class Mlp {",
        "  @HeNormal @Shape({2, 2})",
        "  float[] mlp;",
        "}");
    assertExactly(compile(file).compilation(), error(Message.NAME_HIDES, file, "float[] mlp;")
        .saying("[varscale:name-hides] field Mlp.mlp maps to the nested class Mlp, which would hide"
            + " the class Mlp that the generated code must name, and classes of the unnamed"
            + " package cannot be written qualified; rename the field or move the classes into a"
            + " package"));
  }

  @Test
  void nestedClassThatWouldHideTheOuterClassOfANestedModel() {
    JavaFileObject file = source("A",
        "import io.github.varscale.*;",
        "public class A {",
        "  public static class B {",
        "    @GlorotUniform @Shape({3})",
        "    double[] a;",
        "  }",
        "}");
    assertExactly(compile(file).compilation(), error(Message.NAME_HIDES, file, "double[] a;")
        .saying("[varscale:name-hides] field A.B.a maps to the nested class A, which would hide"
            + " the class A that the generated code must name, and classes of the unnamed package"
            + " cannot be written qualified; rename the field or move the classes into a"
            + " package"));
  }

  @Test
  void nestedClassThatWouldHideAPartsInitializerInTheUnnamedPackage() {
    JavaFileObject part = source("Block",
        "import io.github.varscale.*;",
        "public class Block {",
        "  @HeNormal @Shape({2}) float[] w;",
        "}");
    JavaFileObject file = source("Net",
        "import io.github.varscale.*;",
        "public class Net {",
        "  @HeNormal @Shape({2}) float[] block_initializer;",
        "  @Submodel Block block;",
        "}");
    assertExactly(compile(part, file).compilation(),
        error(Message.NAME_HIDES, file, "block_initializer;"));
  }

  @Test
  void theSameNamesCompileInANamedPackageWhereTheyAreWrittenQualified() {
    JavaFileObject mlp = source("p.Mlp",
        "package p;",
        "import io.github.varscale.*;",
        "public class Mlp {",
        "  @HeNormal @Shape({2, 2}) float[] mlp;",
        "}");
    JavaFileObject a = source("p.A",
        "package p;",
        "import io.github.varscale.*;",
        "public class A {",
        "  public static class B {",
        "    @GlorotUniform @Shape({3}) double[] a;",
        "  }",
        "}");
    Compiled compiled = compile(STRICT, mlp, a);
    assertExactly(compiled.compilation());
    assertThat(compiled.generated("p.MlpInitializer"))
        .contains("public static void initialize(p.Mlp model, long seed)");
    assertThat(compiled.generated("p.A_BInitializer"))
        .contains("public static void initialize(p.A.B model, long seed)");
  }

  @Test
  void initializerNameTakenByAClassOfTheSources() {
    JavaFileObject taken = source("p.MInitializer", "package p;", "class MInitializer {}");
    JavaFileObject file = model("  @HeNormal @Shape({2}) float[] w;");
    Compiled compiled = compile(taken, file);
    assertExactly(compiled.compilation(), error(Message.NAME_TAKEN, file, "public class M")
        .saying("[varscale:name-taken] cannot generate p.MInitializer for p.M: a type of that name"
            + " already exists in the sources; rename that type or the model class"));
    assertThat(compiled.written()).isEmpty();
  }

  @Test
  void initializerNameTakenByANestedClassOfTheSources() {
    JavaFileObject taken = source("p.Other",
        "package p;",
        "class Other {",
        "  static class MInitializer {}",
        "}");
    JavaFileObject file = source("p.Other_M",
        "package p;",
        "import io.github.varscale.*;",
        "class Other_M {",
        "  @HeNormal @Shape({2}) float[] w;",
        "}");
    // Other.MInitializer is not p.Other_MInitializer: both can exist.
    Compiled compiled = compile(taken, file);
    assertExactly(compiled.compilation());
    assertThat(compiled.written()).containsExactly("p.Other_MInitializer");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void nestedAndTopLevelModelsThatWantTheSameInitializer(boolean nestedFirst) {
    JavaFileObject nested = OUTER_INNER;
    JavaFileObject topLevel = source("p.Outer_Inner",
        "package p;",
        "import io.github.varscale.*;",
        "public class Outer_Inner {",
        "  @HeNormal @Shape({2}) float[] v;",
        "}");
    List<JavaFileObject> sources = nestedFirst ? List.of(nested, topLevel)
        : List.of(topLevel, nested);
    Compiled compiled = compile(sources.toArray(JavaFileObject[]::new));
    Expected onNested = error(Message.INITIALIZER_TWICE, nested, "class Inner")
        .saying("[varscale:initializer-twice] cannot generate p.Outer_InnerInitializer for"
            + " p.Outer.Inner: it is also the name of the initializer of p.Outer_Inner; rename one"
            + " of the two classes");
    Expected onTopLevel = error(Message.INITIALIZER_TWICE, topLevel, "class Outer_Inner")
        .saying("[varscale:initializer-twice] cannot generate p.Outer_InnerInitializer for"
            + " p.Outer_Inner: it is also the name of the initializer of p.Outer.Inner; rename"
            + " one of the two classes");
    // Nothing else: no warning that a file was created twice, no FilerException.
    if (nestedFirst) {
      assertExactly(compiled.compilation(), onNested, onTopLevel);
    } else {
      assertExactly(compiled.compilation(), onTopLevel, onNested);
    }
    assertThat(compiled.written()).isEmpty();
  }

  @Test
  void modelOfALaterRoundThatWantsAnInitializerAlreadyWritten() {
    // Another processor writes p.Outer_Inner in the first round, when p.Outer.Inner's initializer
    // is written: the second one is refused, not written again.
    JavaFileObject nested = OUTER_INNER;
    Spy spy = Spy.writingFirst("p.Outer_Inner", "package p;\npublic class Outer_Inner {\n"
        + "  @io.github.varscale.Zeros @io.github.varscale.Shape(2) float[] v;\n}\n");
    Compiled compiled = compile(javac(), spy, Compilations.LINT, nested);
    assertExactly(compiled.compilation(),
        errorInGenerated(Message.INITIALIZER_TWICE, "p/Outer_Inner.java", "class Outer_Inner")
            .saying("[varscale:initializer-twice] cannot generate p.Outer_InnerInitializer for"
                + " p.Outer_Inner: it is also the name of the initializer of p.Outer.Inner; rename"
                + " one of the two classes"));
    assertThat(compiled.written()).containsExactly("p.Outer_InnerInitializer");
  }

  @Test
  void subclassFieldWithTheNameOfASuperclassTensor() {
    JavaFileObject base = source("p.Base",
        "package p;",
        "import io.github.varscale.*;",
        "public class Base {",
        "  @HeNormal @Shape({2}) float[] w;",
        "  @Submodel Part part;",
        "}");
    JavaFileObject part = source("p.Part",
        "package p;",
        "import io.github.varscale.*;",
        "public class Part {",
        "  @HeNormal @Shape({2}) float[] w;",
        "}");
    JavaFileObject file = source("p.M",
        "package p;",
        "import io.github.varscale.*;",
        "public class M extends Base {",
        "  @Zeros @Shape({2})",
        "  float[] w;",
        "  @Submodel",
        "  Part part;",
        "}");
    Compiled compiled = compile(base, part, file);
    assertExactly(compiled.compilation(),
        error(Message.FIELD_TWICE, file, "float[] w;").at("w;")
            .saying("[varscale:field-twice] field p.M.w has the name of p.Base.w, which superclass"
                + " p.Base declares; tensor and part names make the paths of a model's tensors,"
                + " which must be unique: rename one of them"),
        error(Message.FIELD_TWICE, file, "Part part;")
            .saying("[varscale:field-twice] @Submodel field p.M.part has the name of p.Base.part,"
                + " which superclass p.Base declares; tensor and part names make the paths of a"
                + " model's tensors, which must be unique: rename one of them"));
    assertThat(compiled.written()).containsExactly("p.BaseInitializer", "p.PartInitializer");
  }

  @Test
  void subclassOfAClassWithErrors() {
    JavaFileObject base = source("p.Base",
        "package p;",
        "import io.github.varscale.*;",
        "public class Base {",
        "  @HeNormal @Shape({0}) float[] w;",
        "}");
    JavaFileObject derived = source("p.Derived",
        "package p;",
        "import io.github.varscale.*;",
        "public class Derived extends Base {",
        "  @HeNormal @Shape({2}) float[] v;",
        "}");
    // The subclass comes first: the superclass is still judged before it.
    Compiled compiled = compile(derived, base);
    assertExactly(compiled.compilation(),
        error(Message.SUPERCLASS, derived, "class Derived")
            .saying("[varscale:superclass] cannot generate p.DerivedInitializer: superclass p.Base"
                + " has varscale errors (reported on it); fix them first"),
        error(Message.DIMENSION, base, "@Shape({0})"));
    assertThat(compiled.written()).isEmpty();
  }
}
