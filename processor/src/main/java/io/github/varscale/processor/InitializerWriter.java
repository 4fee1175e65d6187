package io.github.varscale.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.internal.StaticSpecs;
import io.github.varscale.internal.TensorField;
import io.github.varscale.internal.Walker;
import io.github.varscale.processor.InitializerSpec.Constants;
import io.github.varscale.processor.InitializerSpec.PartPlan;
import io.github.varscale.processor.InitializerSpec.Read;
import io.github.varscale.processor.InitializerSpec.TensorPlan;
import io.github.varscale.processor.ModelClass.Container;
import io.github.varscale.processor.ModelClass.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code <Model>Initializer} of a validated {@link InitializerSpec} with JavaPoet. It
 * reads only the spec: every decision was made before.
 *
 * <p>The initializer's {@code initialize}, {@code tensors} and {@code specs} all hand the model to
 * the runtime's {@link Walker} with the one generated {@code walk} method, which visits each
 * tensor field (allocating it when the walker says so) and each part. The fields' descriptions
 * are one text table that the runtime reads when the class is initialized ({@link
 * TensorField#table}). Every build compiles this code again, so each field costs it only a line
 * of that table, a nested class of compile-time constants (no static initializer) and four lines
 * of {@code walk}: a string literal is the cheapest thing javac compiles, where a factory call
 * with nested calls, enum constants and a class literal in each nested class took about a third
 * of the generated code's compile time.
 */
final class InitializerWriter {
  private static final ClassName GENERATED = ClassName.bestGuess(ModelReader.GENERATED);
  private static final ClassName WALKER = ClassName.get(Walker.class);
  private static final ClassName FIELD = ClassName.get(TensorField.class);
  private static final ClassName BI_CONSUMER = ClassName.get(BiConsumer.class);
  private static final ClassName STATIC_SPECS = ClassName.get(StaticSpecs.class);
  private static final ClassName LIST = ClassName.get(List.class);
  private static final Modifier[] CONSTANT = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};

  /** The initializer's {@code walk} as a function, for the walker. */
  private static final String WALK_FUNCTION = "WALK_FUNCTION";

  /** The tensor fields' table: {@code TENSOR_FIELDS[i]} is the class's field {@code i}. */
  private static final String TENSOR_FIELDS = "TENSOR_FIELDS";

  /** At most this many fields go in one method, far below the JVM's 64 KiB of code a method. */
  static final int FIELDS_PER_METHOD = 256;

  /**
   * The most bytes of one text block of the field table: a class file's string constant holds at
   * most 65,535 bytes of modified UTF-8, and javac refuses a constant of 65,535 characters or more
   * ("constant string too long"), so one less.
   */
  static final int TABLE_CHUNK_BYTES = 65_534;

  private static final String CLASS_DOC =
      """
      Initializes the tensors of {@link $T}. Each tensor field has a nested class with its {@code
      KEY}, and for a constant shape {@code FAN_IN}, {@code FAN_OUT} and {@code SIZE}.
      """;

  /** The class javadoc's last sentence when a field is variance-scaled. */
  private static final String VARIANCE_DOC =
      """
      A variance-scaled one also has {@code VARIANCE} and {@code STDDEV} or {@code LIMIT}.
      """;

  /** The width of a nested class's javadoc text, so that its lines stay within 100 columns. */
  private static final int DOC_WIDTH = 90;

  /** A constant shape of more dimensions is abbreviated in the javadoc. */
  private static final int DOC_SHAPE_DIMENSIONS = 16;

  private final InitializerSpec spec;

  private InitializerWriter(InitializerSpec spec) {
    this.spec = spec;
  }

  static JavaFile write(InitializerSpec spec, String processorName) {
    return new InitializerWriter(spec).file(processorName);
  }

  private JavaFile file(String processorName) {
    TypeSpec.Builder type = TypeSpec.classBuilder(spec.name())
        .addOriginatingElement(spec.origin())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(CLASS_DOC, spec.model())
        .addField(walkConstant());
    if (!spec.tensors().isEmpty()) {
      type.addField(table());
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(initialize())
        .addMethod(initializeScoped())
        .addMethod(tensors())
        .addMethod(specs());
    if (spec.tensors().stream().anyMatch(t -> t.kind() == Kind.VARIANCE_SCALED)) {
      type.addJavadoc(VARIANCE_DOC);
    }
    if (spec.generatedAnnotation()) {
      type.addAnnotation(
          AnnotationSpec.builder(GENERATED).addMember("value", "$S", processorName).build());
    }
    if (spec.staticSpecs()) {
      staticSpecs(type);
    }
    walk(type);
    for (int i = 0; i < spec.tensors().size(); i++) {
      type.addType(nestedClass(spec.tensors().get(i), i));
    }
    return JavaFile.builder(spec.name().packageName(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  // ---- the class's constants ------------------------------------------------------------------

  /**
   * {@code WALK_FUNCTION}, the one method reference to {@code walk}, which the public methods pass
   * to the walker: passed in each of them, as the argument of a generic method, it cost javac an
   * inference and a desugaring each, more than a third of the generated code's compile time. The
   * class's own constants have an underscore in their names, which no nested class's name has, so
   * that no nested class hides them or is hidden by them ({@code WALK.SIZE} would read a variable
   * named {@code WALK}).
   */
  private FieldSpec walkConstant() {
    return FieldSpec.builder(ParameterizedTypeName.get(BI_CONSUMER, spec.modelType(), WALKER),
            WALK_FUNCTION, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T::walk", spec.name())
        .build();
  }

  /**
   * {@code TENSOR_FIELDS}, the tensor fields' table, one line each in declaration order ({@link
   * #tableLine}), in text blocks that each fit a string constant ({@link #tableChunks}).
   */
  private FieldSpec table() {
    StringBuilder table = new StringBuilder();
    for (TensorPlan tensor : spec.tensors()) {
      table.append(tableLine(tensor)).append('\n');
    }
    CodeBlock blocks = tableChunks(table.toString(), TABLE_CHUNK_BYTES).stream()
        .map(text -> CodeBlock.of("$L", textBlock(text)))
        .collect(CodeBlock.joining(", "));
    return FieldSpec.builder(ArrayTypeName.of(FIELD), TENSOR_FIELDS, Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The tensor fields: name | element type | shape | fan axes | annotation |"
            + " initializer.\n")
        .initializer("$T.table($S, $L)", FIELD, spec.model().canonicalName(), blocks)
        .build();
  }

  /**
   * {@code table} cut into pieces of at most {@code maxBytes} each, which the runtime joins again:
   * at the end of the last line that fits, or, for a line longer than that alone, inside it, where
   * a text block keeps every character: not next to whitespace (a text block strips a line's
   * trailing spaces), not after a quote (it would run into the closing {@code """}), not between
   * the halves of a surrogate pair.
   */
  static List<String> tableChunks(String table, int maxBytes) {
    List<String> chunks = new ArrayList<>();
    int start = 0;
    while (start < table.length()) {
      int end = start;
      int bytes = 0;
      while (end < table.length() && bytes + utf8Length(table.charAt(end)) <= maxBytes) {
        bytes += utf8Length(table.charAt(end));
        end++;
      }
      if (end < table.length()) {
        int lineEnd = table.lastIndexOf('\n', end - 1) + 1;
        end = lineEnd > start ? lineEnd : safeCut(table, start, end);
      }
      chunks.add(table.substring(start, end));
      start = end;
    }
    return chunks.isEmpty() ? List.of("") : chunks;
  }

  /** The last index in {@code (start, end]} where {@code text} can be cut inside a line. */
  private static int safeCut(String text, int start, int end) {
    for (int cut = end; cut > start + 1; cut--) {
      char before = text.charAt(cut - 1);
      char after = text.charAt(cut);
      if (!Character.isWhitespace(before) && !Character.isWhitespace(after) && before != '"'
          && !(Character.isHighSurrogate(before) && Character.isLowSurrogate(after))) {
        return cut;
      }
    }
    throw new IllegalStateException("no place to cut a field table line near " + end);
  }

  /**
   * {@code "w1 | float | [784, 256] | IN_OUT | HeNormal | VarianceScaling[scale=2.0, ...]"}: what
   * {@link TensorField#table} reads, the axes and the initializer as the runtime writes them.
   */
  private static String tableLine(TensorPlan tensor) {
    String shape = tensor.shape().map(List::toString).orElseGet(() -> tensor.dims().stream()
        .collect(Collectors.joining("\", \"", "{\"", "\"}")));
    return String.join(" | ", tensor.field(), tensor.isDouble() ? "double" : "float", shape,
        tensor.axes().toString(), tensor.annotation(), tensor.initializer().toString());
  }

  /**
   * A text block of {@code text}: its lines, each ended by a newline, but for a last one cut short
   * ({@link #tableChunks}), which the closing delimiter follows. Nothing in them needs an escape:
   * names, numbers and dims expressions hold no backslash and no quotes but the dims' own, never
   * three.
   */
  private static String textBlock(String text) {
    String indented = text.replaceAll("(?m)^(?=.)", "    ");
    return "\"\"\"\n" + indented + (text.endsWith("\n") ? "    " : "") + "\"\"\"";
  }

  /** The bytes of {@code c} in a class file's modified UTF-8. */
  private static int utf8Length(char c) {
    return c >= 1 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }

  // ---- the public methods --------------------------------------------------------------------

  private MethodSpec initialize() {
    return MethodSpec.methodBuilder("initialize")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(spec.modelType(), "model")
        .addParameter(TypeName.LONG, "seed")
        .addJavadoc(
            """
            Allocates the null tensor fields of {@code model} and its parts, then fills every
            tensor for {@code seed}: the model's own, inherited ones included, then its parts.

            @throws NullPointerException if {@code model} is null
            @throws IllegalArgumentException for a wrong shape, a dimension out of bounds or a null
                part element, having changed nothing
            """)
        .addStatement("$T.initialize(model, seed, $N)", WALKER, WALK_FUNCTION)
        .build();
  }

  private MethodSpec initializeScoped() {
    return MethodSpec.methodBuilder("initialize")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(spec.modelType(), "model")
        .addParameter(TypeName.LONG, "seed")
        .addParameter(String.class, "scope")
        .addJavadoc(
            """
            As {@code initialize(model, seed)}, each tensor's key {@code scope + "." + path}.

            @throws NullPointerException if {@code model} or {@code scope} is null
            @throws IllegalArgumentException if {@code scope} is empty, or as {@code initialize}
            """)
        .addStatement("$T.initialize(model, seed, scope, $N)", WALKER, WALK_FUNCTION)
        .build();
  }

  private MethodSpec tensors() {
    return MethodSpec.methodBuilder("tensors")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(LIST, ClassName.get(ModelTensor.class)))
        .addParameter(spec.modelType(), "model")
        .addJavadoc(
            """
            The tensors of {@code model} and its parts in fill order, null fields allocated (zeros).

            @throws NullPointerException if {@code model} is null
            @throws IllegalArgumentException as {@code initialize}
            """)
        .addStatement("return $T.tensors(model, $N)", WALKER, WALK_FUNCTION)
        .build();
  }

  private MethodSpec specs() {
    return MethodSpec.methodBuilder("specs")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(LIST, ClassName.get(TensorSpec.class)))
        .addParameter(spec.modelType(), "model")
        .addJavadoc(
            """
            The descriptions of {@code tensors(model)}, reading dims and parts, not tensor fields.

            @throws NullPointerException if {@code model} is null
            @throws IllegalArgumentException for a dimension out of bounds or a null part element
            """)
        .addStatement("return $T.specs(model, $N)", WALKER, WALK_FUNCTION)
        .build();
  }

  /** {@code specs()}, for a model whose specs depend on no instance. */
  private void staticSpecs(TypeSpec.Builder type) {
    CodeBlock start = spec.superInitializer()
        .map(parent -> CodeBlock.of("$T.inherit($T.specs())", STATIC_SPECS, parent))
        .orElse(CodeBlock.of("$T.of()", STATIC_SPECS));
    if (!spec.tensors().isEmpty()) {
      start = CodeBlock.of("$L.tensors($N)", start, TENSOR_FIELDS);
    }
    List<CodeBlock> statements = new ArrayList<>();
    for (PartPlan part : spec.parts()) {
      statements.add(
          CodeBlock.of("specs.part($S, $T.specs())", part.key(), part.initializer()));
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder("specs")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(LIST, ClassName.get(TensorSpec.class)))
        .addJavadoc("The descriptions of the tensors of any {@link $T}.\n", spec.model());
    if (statements.isEmpty()) {
      type.addMethod(method.addStatement("return $L.build()", start).build());
      return;
    }
    method.addStatement("$T specs = $L", STATIC_SPECS, start);
    List<MethodSpec> chunks = chunked(method, "specs", ParameterSet.SPECS, statements);
    type.addMethod(method.addStatement("return specs.build()").build());
    type.addMethods(chunks);
  }

  // ---- walk ----------------------------------------------------------------------------------

  private void walk(TypeSpec.Builder type) {
    MethodSpec.Builder walk = MethodSpec.methodBuilder("walk")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(spec.modelType(), "model")
        .addParameter(WALKER, "w")
        .addJavadoc(
            """
            Visits the tensors and parts of {@code model} for the {@link $T}; not for direct use.
            """, WALKER);
    spec.superInitializer().ifPresent(parent -> walk.addStatement("$T.walk(model, w)", parent));
    List<CodeBlock> visits = new ArrayList<>();
    for (int i = 0; i < spec.tensors().size(); i++) {
      visits.add(visit(spec.tensors().get(i), i));
    }
    for (PartPlan part : spec.parts()) {
      visits.add(CodeBlock.builder()
          .addStatement("w.$L($S, model.$N, $T::walk)",
              part.container() == Container.SINGLE ? "part" : "parts", part.key(), part.field(),
              part.initializer())
          .build());
    }
    List<MethodSpec> chunks = chunked(walk, "walk", ParameterSet.WALK, visits);
    type.addMethod(walk.build());
    type.addMethods(chunks);
  }

  /**
   * The statements visiting one tensor field: enter, allocate if told to, leave. They are written
   * as text, JavaPoet formatting only the dims values a static field may need qualified: it
   * splits every piece it emits into lines with a regular expression, twice (once to collect the
   * imports), and a field's statements in pieces were the bulk of the processor's time.
   */
  private CodeBlock visit(TensorPlan tensor, int index) {
    String field = "model." + tensor.field();
    String enter = "if (w.enter(" + field + ", " + TENSOR_FIELDS + "[" + index + "]";
    String rest = ")) {\n"
        + "  " + field + " = " + allocation(tensor) + ";\n"
        + "}\n"
        + "w.leave(" + field + ");\n";
    if (tensor.reads().isEmpty()) {
      return CodeBlock.of("$L", enter + rest);
    }
    CodeBlock reads = tensor.reads().stream()
        .map(this::read)
        .collect(CodeBlock.joining(", ", ", ", ""));
    return CodeBlock.of("$L$L$L", enter, reads, rest);
  }

  private CodeBlock read(Read read) {
    if (read.constant().isPresent()) {
      return CodeBlock.of("$L", read.constant().get() + " /* " + read.name() + " */");
    }
    return read.isStatic()
        ? CodeBlock.of("$T.$N", spec.model(), read.name())
        : CodeBlock.of("$L", "model." + read.name());
  }

  /**
   * {@code new float[W.SIZE]} or {@code new float[784][256]} for a constant shape, {@code new
   * float[w.size()]} or {@code new float[w.dim(0)][w.dim(1)]} for one read from the model.
   */
  private static String allocation(TensorPlan tensor) {
    StringBuilder allocation = new StringBuilder("new ")
        .append(tensor.isDouble() ? "double" : "float");
    if (tensor.isFlat()) {
      return allocation.append(tensor.shape().isPresent()
          ? "[" + tensor.nestedClass() + ".SIZE]"
          : "[w.size()]").toString();
    }
    for (int d = 0; d < tensor.arrayRank(); d++) {
      allocation.append('[')
          .append(tensor.shape().isPresent() ? tensor.shape().get().get(d) : "w.dim(" + d + ")")
          .append(']');
    }
    return allocation.toString();
  }

  /** The parameters of the methods a long walk or specs is split into. */
  private enum ParameterSet {
    WALK,
    SPECS
  }

  /**
   * Adds {@code statements} to {@code method}, or, when there are more than {@link
   * #FIELDS_PER_METHOD}, to private methods {@code name0}, {@code name1}, ... that {@code method}
   * calls in order: a model of thousands of fields stays within the JVM's limit on a method's
   * code. Returns those methods, to be written after {@code method}.
   */
  private List<MethodSpec> chunked(MethodSpec.Builder method, String name,
      ParameterSet parameters, List<CodeBlock> statements) {
    List<MethodSpec> chunks = new ArrayList<>();
    if (statements.size() <= FIELDS_PER_METHOD) {
      statements.forEach(s -> add(method, s, parameters));
      return chunks;
    }
    for (int from = 0, part = 0; from < statements.size(); from += FIELDS_PER_METHOD, part++) {
      MethodSpec.Builder chunk = MethodSpec.methodBuilder(name + part)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC);
      if (parameters == ParameterSet.WALK) {
        chunk.addParameter(spec.modelType(), "model").addParameter(WALKER, "w");
        method.addStatement("$N(model, w)", name + part);
      } else {
        chunk.addParameter(STATIC_SPECS, "specs");
        method.addStatement("$N(specs)", name + part);
      }
      for (CodeBlock statement : statements.subList(from,
          Math.min(statements.size(), from + FIELDS_PER_METHOD))) {
        add(chunk, statement, parameters);
      }
      chunks.add(chunk.build());
    }
    return chunks;
  }

  private static void add(MethodSpec.Builder method, CodeBlock statement, ParameterSet set) {
    if (set == ParameterSet.SPECS) {
      method.addStatement(statement);
    } else {
      method.addCode(statement);
    }
  }

  // ---- the nested class of a field -----------------------------------------------------------

  private TypeSpec nestedClass(TensorPlan tensor, int index) {
    TypeSpec.Builder nested = TypeSpec.classBuilder(tensor.nestedClass())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(describe(tensor))
        .addField(FieldSpec.builder(String.class, "KEY", CONSTANT)
            .initializer("$S", tensor.key())
            .build());
    tensor.constants().ifPresent(constants -> addConstants(nested, constants));
    nested.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (tensor.shape().isEmpty()) {
      nested.addMethod(specOf(tensor, index));
    }
    return nested.build();
  }

  private static void addConstants(TypeSpec.Builder nested, Constants constants) {
    nested.addField(constant(TypeName.INT, "FAN_IN", constants.fanIn()))
        .addField(constant(TypeName.INT, "FAN_OUT", constants.fanOut()))
        .addField(constant(TypeName.INT, "SIZE", constants.size()));
    constants.variance().ifPresent(v -> nested.addField(constant(TypeName.DOUBLE, "VARIANCE", v)));
    constants.spread().ifPresent(
        s -> nested.addField(constant(TypeName.DOUBLE, constants.spreadName(), s)));
  }

  /** {@code spec(model)}, in place of the constants a shape read from the model cannot have. */
  private MethodSpec specOf(TensorPlan tensor, int index) {
    CodeBlock reads = tensor.reads().stream().map(this::read).collect(CodeBlock.joining(", "));
    return MethodSpec.methodBuilder("spec")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TensorSpec.class)
        .addParameter(spec.modelType(), "model")
        .addJavadoc(
            """
            The description of {@code model.$L} for the model's dimensions.

            @throws IllegalArgumentException if a dimension is out of bounds
            """, tensor.field())
        .addStatement("return $N[$L].spec($L)", TENSOR_FIELDS, index, reads)
        .build();
  }

  /** What the field is: the shape, its axes and the annotation, wrapped to the page. */
  private static CodeBlock describe(TensorPlan tensor) {
    String shape = tensor.shape().map(InitializerWriter::shapeText).orElseGet(() -> tensor.dims()
        .stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(", ", "{", "}")));
    String text = "Field {@code " + tensor.field() + "}, a {@code " + fieldType(tensor)
        + "} of shape " + shape + " (" + tensor.axes() + "), {@code @" + tensor.annotation()
        + "}.";
    return CodeBlock.of("$L\n", wrap(text));
  }

  /** {@code [784, 256]}; a shape of thousands of dimensions shortened to its ends and its rank. */
  private static String shapeText(List<Integer> shape) {
    if (shape.size() <= DOC_SHAPE_DIMENSIONS) {
      return shape.toString();
    }
    int half = DOC_SHAPE_DIMENSIONS / 2;
    return "[" + join(shape.subList(0, half)) + ", ..., "
        + join(shape.subList(shape.size() - half, shape.size())) + "] (rank " + shape.size() + ")";
  }

  private static String join(List<Integer> dimensions) {
    return dimensions.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  /**
   * {@code text} broken at spaces into lines of at most {@link #DOC_WIDTH} characters, never
   * inside a {@code {@code ...}} (a javadoc line that starts with {@code @} starts a block tag).
   */
  private static String wrap(String text) {
    StringBuilder wrapped = new StringBuilder();
    int lineStart = 0;
    for (String word : text.replace("{@code ", "{@code\u0000").split(" ")) {
      word = word.replace('\u0000', ' ');
      if (wrapped.length() > lineStart
          && wrapped.length() - lineStart + 1 + word.length() > DOC_WIDTH) {
        wrapped.append('\n');
        lineStart = wrapped.length();
      } else if (wrapped.length() > lineStart) {
        wrapped.append(' ');
      }
      wrapped.append(word);
    }
    return wrapped.toString();
  }

  /** A public compile-time constant, undocumented: the class's javadoc says what they are. */
  private static FieldSpec constant(TypeName type, String name, Object value) {
    return FieldSpec.builder(type, name, CONSTANT).initializer("$L", value).build();
  }

  private static TypeName fieldType(TensorPlan tensor) {
    TypeName type = tensor.isDouble() ? TypeName.DOUBLE : TypeName.FLOAT;
    for (int i = 0; i < tensor.arrayRank(); i++) {
      type = ArrayTypeName.of(type);
    }
    return type;
  }
}
