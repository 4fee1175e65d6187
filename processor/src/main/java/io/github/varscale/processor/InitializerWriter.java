package io.github.varscale.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.varscale.Distribution;
import io.github.varscale.GeneratedSupport;
import io.github.varscale.Mode;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code <Model>Initializer} of a validated {@link InitializerSpec} with JavaPoet. It
 * reads only the spec: every decision was made before.
 */
final class InitializerWriter {
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName MODE = ClassName.get(Mode.class);
  private static final ClassName DISTRIBUTION = ClassName.get(Distribution.class);
  private static final ClassName SUPPORT = ClassName.get(GeneratedSupport.class);
  private static final Modifier[] CONSTANT = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};
  private static final String CLASS_DOC =
      """
      Initializes the variance-scaled fields of {@link $T}; see {@link #initialize}.

      <p>Each field has a nested class of constants, computed at compile time: {@code FAN_IN},
      {@code FAN_OUT}, {@code VARIANCE = scale / max(1, n)} with {@code n} the fan its mode
      selects, {@code SIZE} (the element count), {@code KEY} (what its values are drawn for), and
      either {@code LIMIT = sqrt(3 * VARIANCE)}, the uniform law's values lying in
      {@code [-LIMIT, LIMIT]}, or {@code STDDEV}: {@code sqrt(VARIANCE)} for the normal law,
      {@code sqrt(VARIANCE) / 0.87962566103423978} for the truncated one, cut to
      {@code [-2 * STDDEV, 2 * STDDEV]} so that its variance is {@code VARIANCE}.
      """;

  private InitializerWriter() {}

  static JavaFile write(InitializerSpec spec, String processorName) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(spec.name())
            .addOriginatingElement(spec.origin())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(CLASS_DOC, spec.model())
            .addMethod(privateConstructor())
            .addMethod(initialize(spec));
    if (spec.generatedAnnotation()) {
      type.addAnnotation(
          AnnotationSpec.builder(GENERATED).addMember("value", "$S", processorName).build());
    }
    for (Tensor tensor : spec.tensors()) {
      type.addType(constants(tensor));
    }
    return JavaFile.builder(spec.name().packageName(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  private static MethodSpec initialize(InitializerSpec spec) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("initialize")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(spec.modelType(), "model")
            .addParameter(TypeName.LONG, "seed")
            .addJavadoc(
                "Fills the annotated fields of {@code model}, inherited ones included: allocates"
                    + " those that\nare null with their declared shape and overwrites the others in"
                    + " place. Each field's\nvalues depend only on {@code seed}, its key and its"
                    + " declaration.\n\n"
                    + "@param model the model to initialize\n"
                    + "@param seed the seed of the whole model\n"
                    + "@throws NullPointerException if {@code model} is null\n"
                    + "@throws IllegalArgumentException if a field is allocated with another shape;"
                    + " then no field\n    has changed\n")
            .addStatement("$T.requireNonNull(model, $S)", Objects.class, "model");
    // Every check runs before the first write, so a wrong shape leaves the whole model unchanged.
    for (Tensor tensor : spec.tensors()) {
      method.addStatement(
          "$T.check(model.$N, $N.KEY$L)",
          SUPPORT,
          tensor.field(),
          tensor.nestedClass(),
          tensor.shape().stream().map(d -> ", " + d).collect(Collectors.joining()));
    }
    spec.superInitializer()
        .ifPresent(parent -> method.addStatement("$T.initialize(model, seed)", parent));
    for (Tensor tensor : spec.tensors()) {
      method
          .beginControlFlow("if (model.$N == null)", tensor.field())
          .addStatement("model.$N = $L", tensor.field(), allocation(tensor))
          .endControlFlow()
          .addStatement(
              "$T.fill(model.$N, $L, $T.$N, $T.$N,$W$N.FAN_IN, $N.FAN_OUT, seed, $N.KEY)",
              SUPPORT,
              tensor.field(),
              tensor.scale(),
              MODE,
              tensor.mode().name(),
              DISTRIBUTION,
              tensor.distribution().name(),
              tensor.nestedClass(),
              tensor.nestedClass(),
              tensor.nestedClass());
    }
    return method.build();
  }

  /** {@code new float[W.SIZE]} for a flat field, {@code new float[8][3][3][4]} for a nested one. */
  private static CodeBlock allocation(Tensor tensor) {
    TypeName element = tensor.isDouble() ? TypeName.DOUBLE : TypeName.FLOAT;
    if (tensor.isFlat()) {
      return CodeBlock.of("new $T[$N.SIZE]", element, tensor.nestedClass());
    }
    CodeBlock.Builder allocation = CodeBlock.builder().add("new $T", element);
    tensor.shape().forEach(dimension -> allocation.add("[$L]", dimension));
    return allocation.build();
  }

  /** The field's constants; all are compile-time constants, so the class needs no initializer. */
  private static TypeSpec constants(Tensor tensor) {
    return TypeSpec.classBuilder(tensor.nestedClass())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(describe(tensor))
        .addField(constant(TypeName.INT, "FAN_IN", tensor.fanIn()))
        .addField(constant(TypeName.INT, "FAN_OUT", tensor.fanOut()))
        .addField(constant(TypeName.DOUBLE, "VARIANCE", tensor.variance()))
        .addField(constant(TypeName.DOUBLE, tensor.samplingName(), tensor.sampling()))
        .addField(constant(TypeName.INT, "SIZE", tensor.size()))
        .addField(
            FieldSpec.builder(String.class, "KEY", CONSTANT)
                .initializer("$S", tensor.key())
                .build())
        .addMethod(privateConstructor())
        .build();
  }

  /**
   * What the field is, in two lines: the constants themselves are explained once, in the class's
   * javadoc, since every line here is read by javac on every build.
   */
  private static CodeBlock describe(Tensor tensor) {
    return CodeBlock.of(
        "Field {@code $L}, a {@code $L} of shape $L ($L):\n{@code @$L}, scale $L, $L, $L.\n",
        tensor.field(),
        fieldType(tensor),
        tensor.shape(),
        tensor.layout(),
        tensor.annotation(),
        tensor.scale(),
        tensor.mode(),
        tensor.distribution());
  }

  /**
   * A public compile-time constant, undocumented: the nested class's javadoc says what they are, in
   * fewer lines for javac to read on every build.
   */
  private static FieldSpec constant(TypeName type, String name, Object value) {
    return FieldSpec.builder(type, name, CONSTANT).initializer("$L", value).build();
  }

  private static TypeName fieldType(Tensor tensor) {
    return arrayOf(tensor.isDouble() ? TypeName.DOUBLE : TypeName.FLOAT, tensor.rank());
  }

  private static TypeName arrayOf(TypeName element, int rank) {
    TypeName type = element;
    for (int i = 0; i < rank; i++) {
      type = ArrayTypeName.of(type);
    }
    return type;
  }

  private static MethodSpec privateConstructor() {
    return MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build();
  }
}
