package io.github.varscale.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import io.github.varscale.GlorotNormal;
import io.github.varscale.GlorotUniform;
import io.github.varscale.HeNormal;
import io.github.varscale.HeUniform;
import io.github.varscale.LecunNormal;
import io.github.varscale.LecunUniform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * ModelReader}), judges them ({@link Validator}), and, once the whole round is judged, writes the
 * initializers of those without problems whose superclass and parts did not fail either ({@link
 * Specs}, {@link InitializerWriter}); a class's superclass and parts are judged before it, since
 * its initializer calls theirs. A class that refers to a type not generated yet is retried by name
 * in the next round. The round's problems are printed at its end, in source order.
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
  static final Set<String> ANNOTATIONS = Stream.of(
          Stream.of(ModelReader.VARIANCE_SCALED, ModelReader.SHAPE, ModelReader.SUBMODEL,
              ModelReader.GENERATED),
          Stream.of(GlorotUniform.class, GlorotNormal.class, HeUniform.class, HeNormal.class,
                  LecunUniform.class, LecunNormal.class)
              .map(Class::getCanonicalName),
          ModelReader.FIXED.keySet().stream())
      .flatMap(names -> names)
      .collect(Collectors.toUnmodifiableSet());

  /** What became of a model class of this compilation. */
  private enum State {
    /** Being judged: its superclass or a part is judged first. */
    STARTED,
    /** Without problems of its own, to be written at the end of the round. */
    JUDGED,
    GENERATED,
    FAILED,
    DEFERRED
  }

  /**
   * @param model what was read, once judged
   * @param spec what to write, once judged without problems
   */
  private record Outcome(State state, ModelClass model, InitializerSpec spec) {
    static Outcome of(State state) {
      return new Outcome(state, null, null);
    }
  }

  /** By canonical name, in the order the classes were met. */
  private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

  /** Deferred model classes by canonical name, with what they are waiting for. */
  private final Map<String, MissingTypeException> deferred = new LinkedHashMap<>();

  /** The types of this compilation's sources, except those this processor wrote. */
  private final Set<String> sourceTypes = new HashSet<>();

  /** The initializers this processor wrote, with the model class of each. */
  private final Map<String, String> written = new HashMap<>();

  /** The problems found in the current round, reported at its end in source order. */
  private final List<Problem> problems = new ArrayList<>();

  /** The model classes of the current round, by canonical name. */
  private final Map<String, TypeElement> roundModels = new LinkedHashMap<>();

  private ModelReader reader;

  /** Whether the compiler can point at one element of an array attribute (see {@link Site}). */
  private boolean intoArrays;

  /** Creates the processor; javac finds it through {@code META-INF/services}. */
  public VarianceScaledProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    reader = ModelReader.of(processingEnv);
    intoArrays = pointsIntoArrays(processingEnv);
  }

  /** javac does; Eclipse's compiler (batch or in the IDE) puts such an error on the annotation. */
  static boolean pointsIntoArrays(ProcessingEnvironment env) {
    return !env.getClass().getName().startsWith("org.eclipse.jdt.");
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
    try {
      processRound(types);
    } finally {
      reportInSourceOrder(types);
    }
  }

  private void processRound(List<TypeElement> types) {
    for (TypeElement type : types) {
      String name = type.getQualifiedName().toString();
      if (!written.containsKey(name)) {
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
      if (!written.containsKey(type.getQualifiedName().toString())
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
      judge(type);
    }
    refuseDependentsOfFailures();
    writeJudged();
  }

  /**
   * Refuses every model class whose initializer's name is already taken: by a type of the sources,
   * or by another model class ({@code p.Outer.Inner} and {@code p.Outer_Inner} both want {@code
   * p.Outer_InnerInitializer}), of this round or an earlier one, reported on each model class of
   * this round whatever the order of the sources.
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
        Optional<String> other = models.stream()
            .filter(t -> !t.equals(type))
            .map(t -> t.getQualifiedName().toString())
            .findFirst()
            .or(() -> Optional.ofNullable(written.get(initializer)));
        if (other.isPresent()) {
          report(Problem.of(Site.of(type), Message.INITIALIZER_TWICE, initializer,
              type.getQualifiedName(), other.get()));
          outcomes.put(type.getQualifiedName().toString(), Outcome.of(State.FAILED));
        } else if (sourceTypes.contains(initializer)) {
          report(Problem.of(Site.of(type), Message.NAME_TAKEN, initializer,
              type.getQualifiedName()));
          outcomes.put(type.getQualifiedName().toString(), Outcome.of(State.FAILED));
        }
      }
    });
  }

  /**
   * Reads and judges a model class of this round, after the model classes its initializer calls,
   * and works out what to write for it; nothing is written before every class of the round is
   * judged.
   */
  private void judge(TypeElement type) {
    String name = type.getQualifiedName().toString();
    if (outcomes.containsKey(name)) {
      return;
    }
    outcomes.put(name, Outcome.of(State.STARTED));
    try {
      ModelClass model = reader.read(type);
      requireDependencies(model);
      List<Problem> problems = Validator.validate(model, modelOutcomes());
      if (!problems.isEmpty()) {
        problems.forEach(this::report);
        outcomes.put(name, Outcome.of(State.FAILED));
        return;
      }
      outcomes.put(name, new Outcome(State.JUDGED, model, Specs.of(model, modelOutcomes())));
    } catch (MissingTypeException e) {
      deferred.put(name, e);
      outcomes.put(name, Outcome.of(State.DEFERRED));
    } catch (RuntimeException e) {
      report(Problem.of(Site.of(type), Message.INTERNAL, name, stackTrace(e)));
      outcomes.put(name, Outcome.of(State.FAILED));
    }
  }

  /**
   * Refuses, until nothing changes, the judged classes whose superclass or part model failed or
   * waits after they were judged. That happens only in a cycle of such classes (a class judged
   * while the one it calls was still being judged), which always holds a cycle of parts, an
   * error; the others of the cycle must not be written, for they would call an initializer that
   * never comes.
   */
  private void refuseDependentsOfFailures() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, Outcome> entry : outcomes.entrySet()) {
        Outcome outcome = entry.getValue();
        if (outcome.state() != State.JUDGED) {
          continue;
        }
        ModelClass model = outcome.model();
        Optional<TypeElement> waiting = dependencies(model).stream()
            .filter(d -> stateOf(d) == State.DEFERRED)
            .findFirst();
        List<Problem> late = Validator.failedDependencies(model, modelOutcomes());
        if (waiting.isPresent()) {
          deferred.put(entry.getKey(), waitingFor(waiting.get(), model));
          entry.setValue(Outcome.of(State.DEFERRED));
          changed = true;
        } else if (!late.isEmpty()) {
          late.forEach(this::report);
          entry.setValue(Outcome.of(State.FAILED));
          changed = true;
        }
      }
    }
  }

  /** Writes the initializers of the classes judged in this round, in the order judged. */
  private void writeJudged() {
    for (Map.Entry<String, Outcome> entry : outcomes.entrySet()) {
      Outcome outcome = entry.getValue();
      if (outcome.state() != State.JUDGED) {
        continue;
      }
      InitializerSpec spec = outcome.spec();
      try {
        InitializerWriter.write(spec, getClass().getName()).writeTo(processingEnv.getFiler());
        written.put(spec.name().canonicalName(), entry.getKey());
        entry.setValue(new Outcome(State.GENERATED, null, spec));
      } catch (IOException e) {
        report(Problem.of(Site.of(spec.origin()), Message.WRITE, spec.name().canonicalName(), e));
        entry.setValue(Outcome.of(State.FAILED));
      } catch (RuntimeException e) {
        report(Problem.of(Site.of(spec.origin()), Message.INTERNAL, entry.getKey(),
            stackTrace(e)));
        entry.setValue(Outcome.of(State.FAILED));
      }
    }
  }

  /** The model classes whose initializers the initializer of {@code model} calls. */
  private static List<TypeElement> dependencies(ModelClass model) {
    List<TypeElement> dependencies = new ArrayList<>();
    model.superModel().ifPresent(dependencies::add);
    model.parts().forEach(part -> part.partModel().ifPresent(dependencies::add));
    return dependencies;
  }

  private State stateOf(TypeElement model) {
    Outcome outcome = outcomes.get(model.getQualifiedName().toString());
    return outcome == null ? null : outcome.state();
  }

  private static MissingTypeException waitingFor(TypeElement dependency, ModelClass model) {
    String name = dependency.getQualifiedName().toString();
    return new MissingTypeException(
        "the initializer of " + name + ", which " + model.canonicalName() + " uses,",
        "see the errors about " + name + " above");
  }

  /**
   * Processes the superclass and part models of this round first; waits for those that wait, and
   * for a superclass compiled earlier without its initializer.
   */
  private void requireDependencies(ModelClass model) {
    for (TypeElement dependency : dependencies(model)) {
      if (roundModels.containsKey(dependency.getQualifiedName().toString())) {
        judge(dependency);
      }
      if (stateOf(dependency) == State.DEFERRED) {
        throw waitingFor(dependency, model);
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
        // A class still being judged is in a cycle of parts, which fails it; see
        // refuseDependentsOfFailures.
        State state = stateOf(model);
        return state != null
            ? state == State.GENERATED || state == State.JUDGED || state == State.STARTED
            : reader.hasCompiledInitializer(model);
      }

      @Override
      public boolean failed(TypeElement model) {
        return stateOf(model) == State.FAILED;
      }

      @Override
      public boolean hasStaticSpecs(TypeElement model) {
        Outcome outcome = outcomes.get(model.getQualifiedName().toString());
        if (outcome == null) {
          return reader.hasCompiledStaticSpecs(model);
        }
        return outcome.spec() != null && outcome.spec().staticSpecs();
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
            print(problem);
          }
        });
    deferred.clear();
  }

  private void report(Problem problem) {
    problems.add(problem);
  }

  /**
   * Prints the round's problems: class by class in the order the sources declare them, each
   * class's in the order {@link Validator} gives (its fields' declaration order), so that a
   * class's errors do not come out before those of the class declared above it just because it
   * was judged first (as a superclass or a part).
   */
  private void reportInSourceOrder(List<TypeElement> types) {
    Map<Element, Integer> order = new HashMap<>();
    for (int i = 0; i < types.size(); i++) {
      order.put(types.get(i), i);
    }
    List<Problem> sorted = new ArrayList<>(problems);
    problems.clear();
    sorted.sort(Comparator.comparingInt(p -> classIndex(p.site().element(), order)));
    sorted.forEach(this::print);
  }

  /** The position in {@code order} of the nearest class enclosing {@code element}, or last. */
  private static int classIndex(Element element, Map<Element, Integer> order) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      Integer index = order.get(e);
      if (index != null) {
        return index;
      }
    }
    return Integer.MAX_VALUE;
  }

  private void print(Problem problem) {
    problem.reportTo(processingEnv.getMessager(), intoArrays);
  }

  /** A type and the types nested in it, in declaration order. */
  static void collectTypes(TypeElement type, List<TypeElement> into) {
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
