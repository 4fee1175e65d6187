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
import io.github.varscale.Fans;
import io.github.varscale.Mode;
import io.github.varscale.VarianceScaling;
import java.util.Locale;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code <Model>Initializer} of a validated {@link InitializerSpec} with JavaPoet. It
 * reads only the spec: every decision was made before.
 */
final class InitializerWriter {
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName VARIANCE_SCALING = ClassName.get(VarianceScaling.class);
  private static final ClassName FANS = ClassName.get(Fans.class);
  private static final ClassName MODE = ClassName.get(Mode.class);
  private static final ClassName DISTRIBUTION = ClassName.get(Distribution.class);
  private static final Modifier[] CONSTANT = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};

  private InitializerWriter() {}

  static JavaFile write(InitializerSpec spec, String processorName) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(spec.name())
            .addOriginatingElement(spec.origin())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Initializes the variance-scaled fields of {@link $T}; see {@link #initialize}.\n",
                spec.model())
            .addMethod(privateConstructor())
            .addMethod(initialize(spec));
    if (spec.generatedAnnotation()) {
      type.addAnnotation(
          AnnotationSpec.builder(GENERATED).addMember("value", "$S", processorName).build());
    }
    for (Tensor tensor : spec.tensors()) {
      type.addType(constants(spec, tensor));
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
      method.addStatement("$N.check(model.$N)", tensor.nestedClass(), tensor.field());
    }
    spec.superInitializer()
        .ifPresent(parent -> method.addStatement("$T.initialize(model, seed)", parent));
    for (Tensor tensor : spec.tensors()) {
      method.addStatement(
          "model.$N = $N.fill(model.$N, seed)",
          tensor.field(),
          tensor.nestedClass(),
          tensor.field());
    }
    return method.build();
  }

  private static TypeSpec constants(InitializerSpec spec, Tensor tensor) {
    return TypeSpec.classBuilder(tensor.nestedClass())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(describe(spec, tensor))
        .addField(constant(TypeName.INT, "FAN_IN", tensor.fanIn(), null))
        .addField(constant(TypeName.INT, "FAN_OUT", tensor.fanOut(), null))
        .addField(
            constant(
                TypeName.DOUBLE,
                "VARIANCE",
                tensor.variance(),
                "The variance of the values, {@code scale / max(1, n)}."))
        .addField(
            constant(
                TypeName.DOUBLE,
                tensor.samplingName(),
                tensor.sampling(),
                samplingDoc(tensor.distribution())))
        .addField(constant(TypeName.INT, "SIZE", tensor.size(), null))
        .addField(
            FieldSpec.builder(String.class, "KEY", CONSTANT)
                .addJavadoc("The key that names the field's values.\n")
                .initializer("$S", tensor.key())
                .build())
        .addField(
            FieldSpec.builder(
                    VARIANCE_SCALING, "SCALING", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(
                    "$T.of($L,$W$T.$N,$W$T.$N)",
                    VARIANCE_SCALING,
                    tensor.scale(),
                    MODE,
                    tensor.mode().name(),
                    DISTRIBUTION,
                    tensor.distribution().name())
                .build())
        .addField(
            FieldSpec.builder(FANS, "FANS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T(FAN_IN, FAN_OUT)", FANS)
                .build())
        .addMethod(privateConstructor())
        .addMethod(check(spec, tensor))
        .addMethod(mismatch(spec, tensor))
        .addMethod(fill(tensor))
        .build();
  }

  private static CodeBlock describe(InitializerSpec spec, Tensor tensor) {
    String n =
        switch (tensor.mode()) {
          case FAN_IN -> "fan_in";
          case FAN_OUT -> "fan_out";
          case FAN_AVG -> "(fan_in + fan_out) / 2";
        };
    return CodeBlock.builder()
        .add(
            "Field {@code $L} of {@link $T}, annotated {@code @$L}:\n",
            tensor.field(),
            spec.model(),
            tensor.annotation())
        .add("<ul>\n")
        .add(
            "  <li>scale $L, mode $L, distribution $L;\n",
            tensor.scale(),
            tensor.mode(),
            tensor.distribution())
        .add(
            "  <li>shape $L in layout $L, $L $L held in a {@code $L};\n",
            tensor.shape(),
            tensor.layout(),
            tensor.size(),
            tensor.size() == 1 ? "element" : "elements",
            fieldType(tensor))
        .add("  <li>fan_in = $L, fan_out = $L, n = $L;\n", tensor.fanIn(), tensor.fanOut(), n)
        .add("  <li>variance = $L / max(1, n) = $L;\n", tensor.scale(), tensor.variance())
        .add("  <li>$L = $L;\n", tensor.samplingName().toLowerCase(Locale.ROOT), tensor.sampling())
        .add("  <li>key {@code $S}.\n", tensor.key())
        .add("</ul>\n")
        .build();
  }

  private static String samplingDoc(Distribution distribution) {
    return switch (distribution) {
      case UNIFORM -> "The limit {@code L = sqrt(3 * VARIANCE)}: values lie in {@code [-L, L]}.";
      case NORMAL -> "The standard deviation, {@code sqrt(VARIANCE)}.";
      case TRUNCATED_NORMAL ->
          "The standard deviation of the normal before it is cut to"
              + " {@code [-2 * STDDEV, 2 * STDDEV]}.";
    };
  }

  /** A public compile-time constant; the class's javadoc explains those without {@code doc}. */
  private static FieldSpec constant(TypeName type, String name, Object value, String doc) {
    FieldSpec.Builder field = FieldSpec.builder(type, name, CONSTANT).initializer("$L", value);
    if (doc != null) {
      field.addJavadoc("$L\n", doc);
    }
    return field.build();
  }

  /** Throws if the field is allocated with another shape; reads only. */
  private static MethodSpec check(InitializerSpec spec, Tensor tensor) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("check")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(fieldType(tensor), "tensor")
            .beginControlFlow("if (tensor == null)")
            .addStatement("return")
            .endControlFlow();
    if (tensor.isFlat()) {
      return method
          .beginControlFlow("if (tensor.length != SIZE)")
          .addStatement("throw mismatch($S + tensor.length)", tensor.field() + ".length = ")
          .endControlFlow()
          .build();
    }
    method
        .beginControlFlow("if (tensor.length != $L)", tensor.shape().get(0))
        .addStatement("throw mismatch($S + tensor.length)", tensor.field() + ".length = ")
        .endControlFlow();
    // One loop per inner dimension: tensor[i0]...[ik] must be a non-null array of length d(k+1).
    StringBuilder element = new StringBuilder("tensor");
    for (int k = 0; k + 1 < tensor.rank(); k++) {
      String index = "i" + k;
      method.beginControlFlow(
          "for (int $L = 0; $L < $L; $L++)", index, index, tensor.shape().get(k), index);
      element.append('[').append(index).append(']');
      String current = element.toString();
      method
          .beginControlFlow("if ($L == null)", current)
          .addStatement("throw mismatch($L)", path(tensor.field(), k, " = null"))
          .endControlFlow()
          .beginControlFlow("if ($L.length != $L)", current, tensor.shape().get(k + 1))
          .addStatement(
              "throw mismatch($L$W+ $L.length)", path(tensor.field(), k, ".length = "), current)
          .endControlFlow();
    }
    for (int k = 0; k + 1 < tensor.rank(); k++) {
      method.endControlFlow();
    }
    return method.build();
  }

  /** {@code "w[" + i0 + "][" + i1 + "]<suffix>"}: the element of the field a check looks at. */
  private static CodeBlock path(String field, int depth, String suffix) {
    CodeBlock.Builder path = CodeBlock.builder().add("$S", field + "[");
    for (int j = 0; j <= depth; j++) {
      path.add(" + i$L + $S", j, j == depth ? "]" + suffix : "][");
    }
    return path.build();
  }

  private static MethodSpec mismatch(InitializerSpec spec, Tensor tensor) {
    String expected =
        tensor.isFlat()
            ? "length " + tensor.size() + " (shape " + tensor.shape() + ")"
            : "shape " + tensor.shape();
    return MethodSpec.methodBuilder("mismatch")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(IllegalArgumentException.class)
        .addParameter(String.class, "found")
        .addStatement(
            "return new $T($Z$S$W+ found)",
            IllegalArgumentException.class,
            spec.model().canonicalName()
                + "."
                + tensor.field()
                + " must be null or have "
                + expected
                + ", found ")
        .build();
  }

  /** Allocates the field if it is null, then fills it through the runtime. */
  private static MethodSpec fill(Tensor tensor) {
    TypeName type = fieldType(tensor);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("fill")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(type)
            .addParameter(type, "tensor")
            .addParameter(TypeName.LONG, "seed");
    TypeName element = tensor.isDouble() ? TypeName.DOUBLE : TypeName.FLOAT;
    if (tensor.isFlat()) {
      return method
          .addStatement("$T filled = tensor == null ? new $T[SIZE] : tensor", type, element)
          .addStatement("SCALING.fill(filled, FANS, seed, KEY)")
          .addStatement("return filled")
          .build();
    }
    CodeBlock dimensions =
        tensor.shape().stream().map(d -> CodeBlock.of("[$L]", d)).collect(CodeBlock.joining(""));
    method
        .addStatement("$T filled = tensor == null ? new $T$L : tensor", type, element, dimensions)
        // Row after row in row-major order: each row is the next slice of the flat tensor.
        .addStatement("long first = 0");
    String outer = "filled";
    for (int k = 1; k < tensor.rank(); k++) {
      String variable = k + 1 == tensor.rank() ? "row" : "slice" + k;
      method.beginControlFlow(
          "for ($T $L : $L)", arrayOf(element, tensor.rank() - k), variable, outer);
      outer = variable;
    }
    method
        .addStatement("SCALING.fill(row, 0, row.length, first, FANS, seed, KEY)")
        .addStatement("first += row.length");
    for (int k = 1; k < tensor.rank(); k++) {
      method.endControlFlow();
    }
    return method.addStatement("return filled").build();
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
