package io.github.varscale.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.github.varscale.GlorotNormal;
import io.github.varscale.GlorotUniform;
import io.github.varscale.HeNormal;
import io.github.varscale.HeUniform;
import io.github.varscale.LecunNormal;
import io.github.varscale.LecunUniform;
import io.github.varscale.Shape;
import io.github.varscale.VarianceScaled;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Checks fields annotated with {@link VarianceScaled} or a preset and writes, for each class
 * declaring some, a {@code <Model>Initializer} with their fans and scales as constants.
 *
 * <p>Each round it reads the classes of the round's sources that declare annotated fields ({@link
 * ModelReader}), judges them ({@link Validator}), and writes the initializers of those without
 * errors ({@link InitializerWriter}). A class that refers to a type not generated yet is retried by
 * name in the next round.
 */
@AutoService(Processor.class)
public final class VarianceScaledProcessor extends AbstractProcessor {

  /** What became of a model class of this compilation. */
  private enum Outcome {
    GENERATED,
    FAILED,
    DEFERRED
  }

  /**
   * Varscale's annotations, and {@code @Generated}, which the initializers carry: left unclaimed,
   * it would make {@code -Xlint:processing} warn in the round after they are written.
   */
  private static final Set<String> ANNOTATIONS =
      Stream.concat(
              Stream.of(
                      VarianceScaled.class,
                      Shape.class,
                      GlorotUniform.class,
                      GlorotNormal.class,
                      HeUniform.class,
                      HeNormal.class,
                      LecunUniform.class,
                      LecunNormal.class)
                  .map(Class::getCanonicalName),
              Stream.of("javax.annotation.processing.Generated"))
          .collect(Collectors.toUnmodifiableSet());

  /** By canonical name, in the order the classes were met. */
  private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

  /** Deferred model classes by canonical name, with what they are waiting for. */
  private final Map<String, MissingTypeException> deferred = new LinkedHashMap<>();

  /** The types of this compilation's sources, except those this processor wrote. */
  private final Set<String> sourceTypes = new HashSet<>();

  private final Set<String> written = new HashSet<>();

  private ModelReader reader;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    reader = new ModelReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return ANNOTATIONS;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      if (round.processingOver()) {
        reportUnresolved();
      } else {
        processRound(round);
      }
    } catch (RuntimeException e) {
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL.format("a round", stackTrace(e)));
    }
    // Claims only varscale's own annotations: no other processor should act on them.
    return true;
  }

  private void processRound(RoundEnvironment round) {
    List<TypeElement> types = new ArrayList<>();
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      collectTypes(type, types);
    }
    for (TypeElement type : types) {
      String name = type.getQualifiedName().toString();
      if (!written.contains(name)) {
        sourceTypes.add(name);
      }
      if (ModelReader.isPreset(type)) {
        checkPreset(type);
      }
    }

    Map<String, TypeElement> models = new LinkedHashMap<>();
    for (String name : deferred.keySet()) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        models.put(name, type);
      }
    }
    for (TypeElement type : types) {
      if (ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
          .anyMatch(ModelReader::isTensorField)) {
        models.putIfAbsent(type.getQualifiedName().toString(), type);
      }
    }
    // Superclasses first, so that a subclass knows whether its superclass's initializer exists.
    List<TypeElement> ordered = new ArrayList<>(models.values());
    ordered.sort(Comparator.comparingInt(VarianceScaledProcessor::depth));
    for (TypeElement type : ordered) {
      processModel(type);
    }
  }

  private void processModel(TypeElement type) {
    String name = type.getQualifiedName().toString();
    deferred.remove(name);
    try {
      ModelClass model =
          reader.read(
              type,
              other -> outcomes.get(other) == Outcome.FAILED,
              outcomes::containsKey,
              sourceTypes::contains);
      if (model.ancestor().isPresent()
          && outcomes.get(model.ancestor().get().canonicalName()) == Outcome.DEFERRED) {
        throw new MissingTypeException(
            "superclass " + model.ancestor().get().canonicalName(), "see its errors above");
      }
      Validator.Result result = Validator.validate(model);
      if (result.spec().isEmpty()) {
        result.problems().forEach(this::report);
        outcomes.put(name, Outcome.FAILED);
        return;
      }
      InitializerSpec spec = result.spec().get();
      JavaFile file = InitializerWriter.write(spec, getClass().getName());
      try {
        file.writeTo(processingEnv.getFiler());
        written.add(spec.name().canonicalName());
        outcomes.put(name, Outcome.GENERATED);
      } catch (IOException e) {
        report(Problem.of(Site.of(type), Message.WRITE, spec.name().canonicalName(), e));
        outcomes.put(name, Outcome.FAILED);
      }
    } catch (MissingTypeException e) {
      deferred.put(name, e);
      outcomes.put(name, Outcome.DEFERRED);
    } catch (RuntimeException e) {
      report(Problem.of(Site.of(type), Message.INTERNAL, name, stackTrace(e)));
      outcomes.put(name, Outcome.FAILED);
    }
  }

  private void checkPreset(TypeElement preset) {
    try {
      Validator.validatePreset(reader.readPreset(preset)).ifPresent(this::report);
    } catch (MissingTypeException e) {
      // An attribute javac cannot resolve is javac's error; each field using the preset waits.
    } catch (RuntimeException e) {
      report(Problem.of(Site.of(preset), Message.INTERNAL, preset, stackTrace(e)));
    }
  }

  private void reportUnresolved() {
    deferred.forEach(
        (name, missing) -> {
          TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
          if (type == null) {
            processingEnv
                .getMessager()
                .printMessage(
                    Diagnostic.Kind.ERROR,
                    Message.UNRESOLVED.format(
                        "the initializer of " + name, missing.getMessage(), missing.hint()));
          } else {
            report(
                Problem.of(
                    Site.of(type),
                    Message.UNRESOLVED,
                    ModelReader.initializerName(type).canonicalName(),
                    missing.getMessage(),
                    missing.hint()));
          }
        });
    deferred.clear();
  }

  private void report(Problem problem) {
    problem.reportTo(processingEnv.getMessager());
  }

  /** A type and the types nested in it, in declaration order. */
  private static void collectTypes(TypeElement type, List<TypeElement> into) {
    into.add(type);
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof TypeElement) {
        collectTypes((TypeElement) member, into);
      }
    }
  }

  /** How many superclasses a class has. */
  private static int depth(TypeElement type) {
    int depth = 0;
    for (TypeMirror s = type.getSuperclass(); s.getKind() == TypeKind.DECLARED; depth++) {
      s = ((TypeElement) ((DeclaredType) s).asElement()).getSuperclass();
    }
    return depth;
  }

  private static String stackTrace(RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
