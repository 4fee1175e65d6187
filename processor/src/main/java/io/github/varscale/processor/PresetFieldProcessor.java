package io.github.varscale.processor;

import com.google.auto.service.AutoService;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;

/**
 * Reports the fields that carry a preset from a library but no {@code @Shape}, in the rounds
 * where {@link VarianceScaledProcessor} does not run.
 *
 * <p>javac starts a processor only in a round whose sources carry one of the annotations it names,
 * and once it has run, in every later round. A preset compiled in a library is an annotation
 * varscale cannot name, so a source whose only varscale annotation is such a preset, with its
 * {@code @Shape} forgotten, would never meet the main processor and would compile without its
 * initializer and without a word. This processor names every annotation ({@code "*"}), is given
 * the unclaimed ones of each round, and claims none, so that other processors see everything
 * they saw before.
 */
@AutoService(Processor.class)
public final class PresetFieldProcessor extends AbstractProcessor {
  /** Whether the main processor has run in this or an earlier round. */
  private boolean mainRan;

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
      mainRan |= annotations.stream()
          .anyMatch(a -> VarianceScaledProcessor.ANNOTATIONS.contains(
              a.getQualifiedName().toString()))
          || !round.getElementsAnnotatedWithAny(mainAnnotations().toArray(TypeElement[]::new)).isEmpty();
      if (!mainRan) {
        reportShapelessFields(annotations, round);
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

  private void reportShapelessFields(
      Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      if (!ModelReader.isPreset(annotation)) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element.getKind() == ElementKind.FIELD && ModelReader.isTensorField(element)
            && element.getAnnotationMirrors().stream().noneMatch(
                m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(ModelReader.SHAPE))) {
          element.getAnnotationMirrors().stream()
              .filter(m -> m.getAnnotationType().asElement().equals(annotation))
              .findFirst()
              .ifPresent(mirror -> Problem.of(Site.of(element, mirror), Message.SHAPE_MISSING,
                  Names.describe((VariableElement) element))
                  .reportTo(processingEnv.getMessager(),
                      VarianceScaledProcessor.pointsIntoArrays(processingEnv)));
        }
      }
    }
  }
}
