package io.github.varscale.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import io.github.varscale.Constant;
import io.github.varscale.GlorotNormal;
import io.github.varscale.GlorotUniform;
import io.github.varscale.HeNormal;
import io.github.varscale.HeUniform;
import io.github.varscale.LecunNormal;
import io.github.varscale.LecunUniform;
import io.github.varscale.Ones;
import io.github.varscale.RandomNormal;
import io.github.varscale.RandomUniform;
import io.github.varscale.Shape;
import io.github.varscale.Submodel;
import io.github.varscale.TruncatedNormal;
import io.github.varscale.VarianceScaled;
import io.github.varscale.Zeros;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Checks the tensor and part fields of model classes and writes, for each class declaring some, a
 * {@code <Model>Initializer}.
 *
 * <p>Each round it reads the classes of the round's sources that declare such fields ({@link
 * ModelReader}), judges them ({@link Validator}), and writes the initializers of those without
 * problems ({@link Specs}, {@link InitializerWriter}); a class's superclass and parts are handled
 * before it, since its initializer calls theirs. A class that refers to a type not generated yet is
 * retried by name in the next round.
 */
@AutoService(Processor.class)
public final class VarianceScaledProcessor extends AbstractProcessor {

  /**
   * Varscale's annotations, which it claims: no other processor should act on them. The built-in
   * presets are listed because javac starts a processor only for the annotations it names; a
   * preset of the user's carries {@code @VarianceScaled}, which is listed, or comes from a library,
   * which {@link PresetFieldProcessor} covers.
   *
   * <p>{@code @Generated} is claimed too, for the initializers carry it: left unclaimed, it would
   * make {@code -Xlint:processing} warn in the round after they are written, and fail the builds
   * of users who add {@code -Werror}. The price is that no later processor sees it.
   */
  static final Set<String> ANNOTATIONS =
      Stream.concat(Stream.of(
              VarianceScaled.class,
              Shape.class,
              Submodel.class,
              GlorotUniform.class,
              GlorotNormal.class,
              HeUniform.class,
              HeNormal.class,
              LecunUniform.class,
              LecunNormal.class,
              Zeros.class,
              Ones.class,
              Constant.class,
              RandomNormal.class,
              TruncatedNormal.class,
              RandomUniform.class)
          .map(Class::getCanonicalName), Stream.of(ModelReader.GENERATED))
          .collect(Collectors.toUnmodifiableSet());

  /** What became of a model class of this compilation. */
  private enum State {
    /** Being processed: its superclass or a part is processed first. */
    STARTED,
    GENERATED,
    FAILED,
    DEFERRED
  }

  /**
   * @param staticSpecs whether its initializer has the no-argument {@code specs()}
   */
  private record Outcome(State state, boolean staticSpecs) {}

  /** By canonical name, in the order the classes were met. */
  private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

  /** Deferred model classes by canonical name, with what they are waiting for. */
  private final Map<String, MissingTypeException> deferred = new LinkedHashMap<>();

  /** The types of this compilation's sources, except those this processor wrote. */
  private final Set<String> sourceTypes = new HashSet<>();

  /** The initializers this processor wrote. */
  private final Set<String> written = new HashSet<>();

  /** The model classes of the current round, by canonical name. */
  private final Map<String, TypeElement> roundModels = new LinkedHashMap<>();

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

    roundModels.clear();
    for (String name : deferred.keySet()) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        roundModels.put(name, type);
        outcomes.remove(name);
      }
    }
    for (TypeElement type : types) {
      if (!written.contains(type.getQualifiedName().toString())
          && ModelReader.declaresModelFields(type)) {
        roundModels.putIfAbsent(type.getQualifiedName().toString(), type);
      }
    }
    deferred.keySet().removeAll(roundModels.keySet());
    refuseSharedInitializerNames();
    // Superclasses first, then the rest in the order met; parts are handled on demand.
    List<TypeElement> ordered = new ArrayList<>(roundModels.values());
    ordered.sort(Comparator.comparingInt(VarianceScaledProcessor::depth));
    for (TypeElement type : ordered) {
      process(type);
    }
  }

  /**
   * Refuses every model class whose initializer's name is already taken: by a type of the sources,
   * or by another model class ({@code p.Outer.Inner} and {@code p.Outer_Inner} both want {@code
   * p.Outer_InnerInitializer}), reported on each of them whatever the order of the sources.
   */
  private void refuseSharedInitializerNames() {
    Map<String, List<TypeElement>> byInitializer = new LinkedHashMap<>();
    for (TypeElement type : roundModels.values()) {
      byInitializer
          .computeIfAbsent(Names.initializer(type).canonicalName(), k -> new ArrayList<>())
          .add(type);
    }
    byInitializer.forEach((initializer, models) -> {
      for (TypeElement type : models) {
        Optional<TypeElement> other = models.stream().filter(t -> !t.equals(type)).findFirst();
        if (other.isPresent()) {
          report(Problem.of(Site.of(type), Message.INITIALIZER_TWICE, initializer,
              type.getQualifiedName(), other.get().getQualifiedName()));
          outcomes.put(type.getQualifiedName().toString(), new Outcome(State.FAILED, false));
        } else if (sourceTypes.contains(initializer)) {
          report(Problem.of(Site.of(type), Message.NAME_TAKEN, initializer,
              type.getQualifiedName()));
          outcomes.put(type.getQualifiedName().toString(), new Outcome(State.FAILED, false));
        }
      }
    });
  }

  /** Processes a model class of this round, after the model classes its initializer calls. */
  private void process(TypeElement type) {
    String name = type.getQualifiedName().toString();
    if (outcomes.containsKey(name)) {
      return;
    }
    outcomes.put(name, new Outcome(State.STARTED, false));
    try {
      ModelClass model = reader.read(type);
      requireDependencies(model);
      List<Problem> problems = Validator.validate(model, modelOutcomes());
      if (!problems.isEmpty()) {
        problems.forEach(this::report);
        outcomes.put(name, new Outcome(State.FAILED, false));
        return;
      }
      InitializerSpec spec = Specs.of(model, modelOutcomes());
      JavaFile file = InitializerWriter.write(spec, getClass().getName());
      try {
        file.writeTo(processingEnv.getFiler());
        written.add(spec.name().canonicalName());
        outcomes.put(name, new Outcome(State.GENERATED, spec.staticSpecs()));
      } catch (IOException e) {
        report(Problem.of(Site.of(type), Message.WRITE, spec.name().canonicalName(), e));
        outcomes.put(name, new Outcome(State.FAILED, false));
      }
    } catch (MissingTypeException e) {
      deferred.put(name, e);
      outcomes.put(name, new Outcome(State.DEFERRED, false));
    } catch (RuntimeException e) {
      report(Problem.of(Site.of(type), Message.INTERNAL, name, stackTrace(e)));
      outcomes.put(name, new Outcome(State.FAILED, false));
    }
  }

  /**
   * Processes the superclass and part models of this round first; waits for those that wait, and
   * for a superclass compiled earlier without its initializer.
   */
  private void requireDependencies(ModelClass model) {
    List<TypeElement> dependencies = new ArrayList<>();
    model.superModel().ifPresent(dependencies::add);
    model.parts().forEach(part -> part.partModel().ifPresent(dependencies::add));
    for (TypeElement dependency : dependencies) {
      String name = dependency.getQualifiedName().toString();
      if (roundModels.containsKey(name)) {
        process(dependency);
      }
      if (outcomes.containsKey(name) && outcomes.get(name).state() == State.DEFERRED) {
        throw new MissingTypeException(
            "the initializer of " + name + ", which " + model.canonicalName() + " uses,",
            "see the errors about " + name + " above");
      }
    }
    model.superModel()
        .filter(parent -> !outcomes.containsKey(parent.getQualifiedName().toString()))
        .filter(parent -> !reader.hasCompiledInitializer(parent))
        .ifPresent(parent -> {
          throw new MissingTypeException(
              Names.initializer(parent).canonicalName() + ", the initializer of superclass "
                  + parent.getQualifiedName() + ",",
              "compile " + parent.getQualifiedName() + " with this version of the varscale"
                  + " processor");
        });
  }

  private ModelOutcomes modelOutcomes() {
    return new ModelOutcomes() {
      @Override
      public boolean hasInitializer(TypeElement model) {
        Outcome outcome = outcomes.get(model.getQualifiedName().toString());
        return outcome != null
            ? outcome.state() == State.GENERATED || outcome.state() == State.STARTED
            : reader.hasCompiledInitializer(model);
      }

      @Override
      public boolean failed(TypeElement model) {
        Outcome outcome = outcomes.get(model.getQualifiedName().toString());
        return outcome != null && outcome.state() == State.FAILED;
      }

      @Override
      public boolean hasStaticSpecs(TypeElement model) {
        Outcome outcome = outcomes.get(model.getQualifiedName().toString());
        return outcome != null ? outcome.staticSpecs() : reader.hasCompiledStaticSpecs(model);
      }
    };
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
          if (missing.silent()) {
            return;
          }
          TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
          ClassName initializer = type == null ? null : Names.initializer(type);
          Problem problem = Problem.of(
              type == null ? null : Site.of(type),
              Message.UNRESOLVED,
              initializer == null ? "the initializer of " + name : initializer.canonicalName(),
              missing.getMessage(),
              missing.hint());
          if (type == null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, problem.text());
          } else {
            report(problem);
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

  static String stackTrace(RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
