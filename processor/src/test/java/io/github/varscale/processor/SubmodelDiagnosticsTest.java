package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.github.varscale.processor.Compilations.LINT;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.model;
import static io.github.varscale.processor.Compilations.source;
import static io.github.varscale.processor.Expected.assertExactly;
import static io.github.varscale.processor.Expected.error;

import io.github.varscale.processor.Compilations.Compiled;
import io.github.varscale.processor.Compilations.Spy;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The errors about {@code @Submodel} fields: their annotations, their types, cycles of parts. */
class SubmodelDiagnosticsTest {

  /** A model class {@code p.Part}, to be a part of the models below. */
  private static final JavaFileObject PART = source("p.Part",
      "package p;",
      "import io.github.varscale.*;",
      "public class Part {",
      "  @HeNormal @Shape({2}) float[] w;",
      "}");

  /** The cycle error of {@code field}, whose part types lead back to it along {@code path}. */
  private static String cycle(String field, String path) {
    return "[varscale:submodel-cycle] @Submodel field " + field + " closes a cycle of part types: "
        + path + "; a model cannot contain a part of its own class or of a subclass, directly or"
        + " through other parts";
  }

  @Test
  void partFieldWithAnInitializerAnnotationAndShape() {
    JavaFileObject file = model(
        "  @Submodel",
        "  @HeNormal",
        "  @Shape({2})",
        "  Part part;");
    Compiled compiled = compile(PART, file);
    assertExactly(compiled.compilation(),
        error(Message.SUBMODEL_ANNOTATION, file, "@HeNormal").at("@HeNormal")
            .saying("[varscale:submodel-annotation] @Submodel field p.M.part also carries"
                + " @HeNormal; a part's tensors carry their own annotations in its class: remove"
                + " @HeNormal"),
        error(Message.SUBMODEL_ANNOTATION, file, "@Shape").at("@Shape"));
    assertThat(compiled.written()).containsExactly("p.PartInitializer");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "String; java.lang.String; java.lang.String is no model class: neither it nor a superclass"
        + " declares tensor or @Submodel fields",
    "Runnable; java.lang.Runnable; java.lang.Runnable is no model class: neither it nor a"
        + " superclass declares tensor or @Submodel fields",
    "List; java.util.List; declare it as a model class, an array of one, or a java.util.List of"
        + " one",
    "java.util.Set<Part>; java.util.Set<p.Part>; declare it as a model class, an array of one, or"
        + " a java.util.List of one",
    "java.util.Collection<Part>; java.util.Collection<p.Part>; declare it as a model class, an"
        + " array of one, or a java.util.List of one",
    "T; T; declare it as a model class, an array of one, or a java.util.List of one",
    "List<T>; java.util.List<T>; declare it as a model class, an array of one, or a java.util.List"
        + " of one",
    "List<?>; java.util.List<?>; declare it as a model class, an array of one, or a java.util.List"
        + " of one",
    "Part[][]; p.Part[][]; declare it as a model class, an array of one, or a java.util.List of"
        + " one",
    "int; int; declare it as a model class, an array of one, or a java.util.List of one",
    "List<String>; java.util.List<java.lang.String>; java.lang.String is no model class: neither"
        + " it nor a superclass declares tensor or @Submodel fields"
  })
  void partFieldWhoseTypeHoldsNoModel(String type, String found, String fix) {
    JavaFileObject file = source("p.M",
        "package p;",
        "import io.github.varscale.*;",
        "import java.util.List;",
        "public class M<T extends Part> {",
        "  @Submodel",
        "  " + type + " parts;",
        "}");
    Compiled compiled = compile(PART, file);
    assertExactly(compiled.compilation(), error(Message.SUBMODEL_TYPE, file, " parts;")
        .at("parts")
        .saying("[varscale:submodel-type] @Submodel field p.M.parts has type " + found + "; " + fix));
    assertThat(compiled.written()).containsExactly("p.PartInitializer");
  }

  @Test
  void partTypeCompiledWithoutTheProcessor(@TempDir Path dir) {
    JavaFileObject plain = source("lib.Plain",
        "package lib;",
        "import io.github.varscale.*;",
        "public class Plain {",
        "  @HeNormal @Shape({3}) public float[] w;",
        "}");
    Path library = Libraries.compile(dir, false, plain);
    JavaFileObject file = model(
        "  @Submodel",
        "  lib.Plain part;");
    Compiled compiled = compile(javac().withClasspath(Libraries.classPath(library)), new Spy(),
        LINT, file);
    assertExactly(compiled.compilation(), error(Message.SUBMODEL_TYPE, file, "lib.Plain part;")
        .saying("[varscale:submodel-type] @Submodel field p.M.part has type lib.Plain; the"
            + " initializer of lib.Plain was not generated by this version of varscale's"
            + " processor; compile lib.Plain with it"));
  }

  @Test
  void partTypeTheInitializerCannotName() {
    JavaFileObject part = source("q.Hidden",
        "package q;",
        "import io.github.varscale.*;",
        "class Hidden {",
        "  @HeNormal @Shape({2}) float[] w;",
        "}");
    JavaFileObject holder = source("q.Holder",
        "package q;",
        "public class Holder {",
        "  public static class Open extends Hidden {}",
        "}");
    JavaFileObject file = model(
        "  @Submodel",
        "  q.Holder.Open part;");
    assertExactly(compile(part, holder, file).compilation(),
        error(Message.SUBMODEL_TYPE, file, "part;")
            .saying("[varscale:submodel-type] @Submodel field p.M.part has type q.Holder.Open;"
                + " q.Hidden is not visible from package p, where the initializer that walks it is;"
                + " make it public"));
  }

  @Test
  void twoModelsThatContainEachOther() {
    JavaFileObject a = source("p.A",
        "package p;",
        "import io.github.varscale.*;",
        "public class A {",
        "  @HeNormal @Shape({2}) float[] w;",
        "  @Submodel B b;",
        "}");
    JavaFileObject b = source("p.B",
        "package p;",
        "import io.github.varscale.*;",
        "public class B {",
        "  @Submodel A[] as;",
        "}");
    Compiled compiled = compile(a, b);
    assertExactly(compiled.compilation(),
        error(Message.SUBMODEL_CYCLE, a, "B b;").at("@Submodel")
            .saying("[varscale:submodel-cycle] @Submodel field p.A.b closes a cycle of part types:"
                + " p.A -> p.B -> p.A; a model cannot contain a part of its own class or of a"
                + " subclass, directly or through other parts"),
        error(Message.SUBMODEL_CYCLE, b, "A[] as;").saying(cycle("p.B.as", "p.B -> p.A -> p.B")));
    assertThat(compiled.written()).isEmpty();
  }

  @Test
  void selfReferencingTree() {
    JavaFileObject file = source("p.Tree",
        "package p;",
        "import io.github.varscale.*;",
        "import java.util.List;",
        "public class Tree {",
        "  @HeNormal @Shape({2}) float[] w;",
        "  @Submodel List<Tree> children;",
        "}");
    assertExactly(compile(file).compilation(), error(Message.SUBMODEL_CYCLE, file, "children")
        .saying(cycle("p.Tree.children", "p.Tree -> p.Tree")));
  }

  @Test
  void partOfASubclassOfTheModel() {
    // Each Leaf is a Base and so holds another Leaf: the parts never end.
    JavaFileObject file = source("p.Base",
        "package p;",
        "import io.github.varscale.*;",
        "public class Base {",
        "  @HeNormal @Shape({2}) float[] w;",
        "  @Submodel Leaf leaf;",
        "}",
        "class Leaf extends Base {",
        "  @Zeros @Shape({2}) float[] bias;",
        "}");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(),
        error(Message.SUBMODEL_CYCLE, file, "Leaf leaf;")
            .saying(cycle("p.Base.leaf", "p.Base -> p.Leaf")),
        error(Message.SUPERCLASS, file, "class Leaf"));
  }

  @Test
  void cycleThroughASuperclassesPart() {
    // Outer inherits the part of Base, whose type holds an Outer.
    JavaFileObject file = source("p.Base",
        "package p;",
        "import io.github.varscale.*;",
        "public class Base {",
        "  @Submodel Holder holder;",
        "}",
        "class Holder {",
        "  @HeNormal @Shape({2}) float[] w;",
        "  @Submodel Outer outer;",
        "}",
        "class Outer extends Base {",
        "  @Zeros @Shape({2}) float[] bias;",
        "}");
    assertExactly(compile(file).compilation(),
        error(Message.SUBMODEL_CYCLE, file, "Holder holder;")
            .saying(cycle("p.Base.holder", "p.Base -> p.Holder -> p.Outer")),
        error(Message.SUBMODEL_CYCLE, file, "Outer outer;")
            .saying(cycle("p.Holder.outer", "p.Holder -> p.Outer -> p.Holder")),
        error(Message.SUPERCLASS, file, "class Outer"));
  }

  @Test
  void partWhoseClassHasErrors() {
    JavaFileObject part = source("p.Broken",
        "package p;",
        "import io.github.varscale.*;",
        "public class Broken {",
        "  @HeNormal @Shape({0}) float[] w;",
        "}");
    JavaFileObject file = model(
        "  @HeNormal @Shape({2}) float[] own;",
        "  @Submodel",
        "  Broken[] parts;");
    // The model comes first: its part is still judged before it.
    Compiled compiled = compile(file, part);
    assertExactly(compiled.compilation(),
        error(Message.SUBMODEL_FAILED, file, "Broken[] parts;").at("parts")
            .saying("[varscale:submodel-failed] cannot generate p.MInitializer: part type p.Broken"
                + " has varscale errors (reported on it); fix them first"),
        error(Message.DIMENSION, part, "@Shape({0})"));
    assertThat(compiled.written()).isEmpty();
  }
}
