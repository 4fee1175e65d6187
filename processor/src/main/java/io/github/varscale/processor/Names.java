package io.github.varscale.processor;

import com.palantir.javapoet.ClassName;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** The names the processor derives from a model's: its initializer's, its nested classes'. */
final class Names {
  private Names() {}

  /** {@code p.Outer_InnerInitializer} for {@code p.Outer.Inner}. */
  static ClassName initializer(TypeElement type) {
    ClassName name = ClassName.get(type);
    return ClassName.get(name.packageName(), String.join("_", name.simpleNames()) + "Initializer");
  }

  /** {@code w1 -> W1}, {@code hidden_weights -> HiddenWeights}, {@code fooBar -> FooBar}. */
  static String upperCamel(String field) {
    StringBuilder name = new StringBuilder();
    for (String part : field.split("_")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
      }
    }
    // A name of underscores only has no letters to capitalize; keep it as it is.
    return name.length() == 0 ? field : name.toString();
  }

  /** Whether {@code name} can name a class: an identifier that is no keyword. */
  static boolean isLegalClassName(String name) {
    return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
  }

  /** {@code p.Mlp.w1}: a field as messages name it. */
  static String describe(VariableElement field) {
    return ((TypeElement) field.getEnclosingElement()).getQualifiedName()
        + "."
        + field.getSimpleName();
  }

  /** {@code "p.Mlp#w1"}: the key of a field at the root of its model. */
  static String key(VariableElement field) {
    return ((TypeElement) field.getEnclosingElement()).getQualifiedName()
        + "#"
        + field.getSimpleName();
  }
}
