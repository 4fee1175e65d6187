package io.github.varscale.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Finds the fields of a class that carry an annotation whose type does not resolve, such as a
 * misspelled or unimported {@code @Kaiming}. javac leaves such an annotation out of the field's
 * mirrors, so that a tensor field with {@code @Kaiming @Shape({2})} looks as if it had no
 * initializer annotation; only its source tree shows what was written. javac reports the
 * annotation itself, and a varscale error about the same field would only mislead.
 *
 * <p>The trees are javac's API. Where they are not available (Eclipse's compiler, which keeps an
 * unresolved annotation among the mirrors anyway; javac wrapped by Gradle's incremental
 * compilation), no field is found, and the processor works as before.
 */
final class UnresolvedAnnotations {
  private final Function<TypeElement, Set<String>> finder;

  private UnresolvedAnnotations(Function<TypeElement, Set<String>> finder) {
    this.finder = finder;
  }

  static UnresolvedAnnotations of(ProcessingEnvironment env) {
    try {
      return new UnresolvedAnnotations(new FromTrees(Trees.instance(env))::fieldsIn);
    } catch (IllegalArgumentException | LinkageError e) {
      // Not javac's environment, or no jdk.compiler module to read trees with.
      return new UnresolvedAnnotations(type -> Set.of());
    }
  }

  /** The names of the fields {@code type} declares with an annotation that does not resolve. */
  Set<String> fieldsIn(TypeElement type) {
    return finder.apply(type);
  }

  /** The lookup through javac's trees, in a class of its own so that only javac links it. */
  private static final class FromTrees {
    private final Trees trees;

    FromTrees(Trees trees) {
      this.trees = trees;
    }

    Set<String> fieldsIn(TypeElement type) {
      // One walk over the class's tree: asking for each field's tree would search the class
      // once per field.
      TreePath classPath = trees.getPath(type);
      if (classPath == null || !(classPath.getLeaf() instanceof ClassTree)) {
        return Set.of();
      }
      Set<String> fields = new HashSet<>();
      for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
        if (member instanceof VariableTree && hasUnresolved(new TreePath(classPath, member))) {
          fields.add(((VariableTree) member).getName().toString());
        }
      }
      return fields;
    }

    private boolean hasUnresolved(TreePath field) {
      VariableTree variable = (VariableTree) field.getLeaf();
      TreePath modifiers = new TreePath(field, variable.getModifiers());
      for (AnnotationTree annotation : variable.getModifiers().getAnnotations()) {
        TypeMirror type = trees.getTypeMirror(new TreePath(modifiers, annotation));
        if (type != null && type.getKind() == TypeKind.ERROR) {
          return true;
        }
      }
      return false;
    }
  }
}
