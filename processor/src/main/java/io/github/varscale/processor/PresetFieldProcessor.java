package io.github.varscale.processor;

import com.google.auto.service.AutoService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Reports the problems of model classes in the rounds where {@link VarianceScaledProcessor} is
 * not started.
 *
 * <p>A compiler starts a processor only in a round whose sources carry one of the annotations it
 * names, and once it has run, in every later round. Two kinds of model class can carry none:
 * one whose only varscale annotation is a preset compiled in a library, which varscale cannot
 * name, with its {@code @Shape} forgotten; and, under Eclipse's compiler, a record whose
 * annotations sit on its components. Both are wrong, and would compile without their initializer
 * and without a word. This processor names every annotation ({@code "*"}), judges the model
 * classes of each round the main processor does not see, and claims nothing, so that other
 * processors see everything they saw before.
 */
@AutoService(Processor.class)
public final class PresetFieldProcessor extends AbstractProcessor {
  /** Whether the main processor has run in this or an earlier round. */
  private boolean mainRan;

  private ModelReader reader;

  /** Creates the processor; javac finds it through {@code META-INF/services}. */
  public PresetFieldProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    reader = ModelReader.of(processingEnv);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      return false;
    }
    try {
      // Once the main processor has run it runs in every later round: no need to look again.
      mainRan = mainRan || annotations.stream()
          .anyMatch(a -> VarianceScaledProcessor.ANNOTATIONS.contains(
              a.getQualifiedName().toString()))
          || !round.getElementsAnnotatedWithAny(mainAnnotations().toArray(TypeElement[]::new))
              .isEmpty();
      if (!mainRan) {
        reportMissedModels(round);
      }
    } catch (RuntimeException e) {
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR,
              Message.INTERNAL.format("a round", VarianceScaledProcessor.stackTrace(e)));
    }
    return false;
  }

  private Set<TypeElement> mainAnnotations() {
    Set<TypeElement> types = new HashSet<>();
    for (String name : VarianceScaledProcessor.ANNOTATIONS) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        types.add(type);
      }
    }
    return types;
  }

  /**
   * Judges the round's classes that declare tensor or part fields as the main processor would,
   * and reports what is wrong with them, which is something: a model class the main processor
   * is not started for has a preset without {@code @Shape} or is a record.
   */
  private void reportMissedModels(RoundEnvironment round) {
    List<TypeElement> types = new ArrayList<>();
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      VarianceScaledProcessor.collectTypes(type, types);
    }
    boolean intoArrays = VarianceScaledProcessor.pointsIntoArrays(processingEnv);
    for (TypeElement type : types) {
      if (!ModelReader.declaresModelFields(type)) {
        continue;
      }
      try {
        Validator.validate(reader.read(type), compiledOutcomes())
            .forEach(problem -> problem.reportTo(processingEnv.getMessager(), intoArrays));
      } catch (MissingTypeException e) {
        // What cannot be resolved is the compiler's to report.
      } catch (RuntimeException e) {
        Problem.of(Site.of(type), Message.INTERNAL, type.getQualifiedName(),
            VarianceScaledProcessor.stackTrace(e)).reportTo(processingEnv.getMessager(), intoArrays);
      }
    }
  }

  /** The other model classes as the class path has them: none of this round is generated. */
  private ModelOutcomes compiledOutcomes() {
    return new ModelOutcomes() {
      @Override
      public boolean hasInitializer(TypeElement model) {
        return reader.hasCompiledInitializer(model);
      }

      @Override
      public boolean failed(TypeElement model) {
        return false;
      }

      @Override
      public boolean hasStaticSpecs(TypeElement model) {
        return reader.hasCompiledStaticSpecs(model);
      }
    };
  }
}
