package io.github.varscale.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The classes of a successful compilation, loaded over the test's own class path (so that they
 * share the runtime with the test), and reflective calls into them that rethrow what the called
 * code throws.
 */
final class Loaded extends ClassLoader {
  private final Compilation compilation;

  private Loaded(Compilation compilation) {
    super(Loaded.class.getClassLoader());
    this.compilation = compilation;
  }

  static Loaded of(Compilation compilation) {
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("compilation failed: " + compilation.diagnostics());
    }
    return new Loaded(compilation);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    Optional<JavaFileObject> file = compilation.generatedFile(
        StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class");
    if (file.isEmpty()) {
      throw new ClassNotFoundException(name);
    }
    try (InputStream in = file.get().openInputStream()) {
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }

  /** A class by its binary name ({@code p.Outer$Inner}). */
  Class<?> type(String binaryName) {
    try {
      return loadClass(binaryName);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** A new instance of {@code className}, whatever its constructor's access. */
  Object create(String className, Object... args) {
    return invoke(find(type(className).getDeclaredConstructors(), "<init>", args), null, args);
  }

  /** Calls the static method {@code name} of {@code className}. */
  Object call(String className, String name, Object... args) {
    return invoke(find(type(className).getDeclaredMethods(), name, args), null, args);
  }

  /** A static field's value: {@code constant("p.MlpInitializer$W1", "FAN_IN")}. */
  Object constant(String className, String name) {
    try {
      return type(className).getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Whether {@code className} declares a method {@code name} of {@code arity} parameters. */
  boolean declares(String className, String name, int arity) {
    return Arrays.stream(type(className).getDeclaredMethods())
        .anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == arity);
  }

  static Object get(Object object, String field) {
    try {
      return field(object.getClass(), field).get(object);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static void set(Object object, String field, Object value) {
    try {
      field(object.getClass(), field).set(object, value);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.getName().equals(name)) {
          field.setAccessible(true);
          return field;
        }
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }

  private static Executable find(Executable[] candidates, String name, Object[] args) {
    for (Executable candidate : candidates) {
      String candidateName = candidate instanceof Constructor ? "<init>" : candidate.getName();
      if (candidateName.equals(name) && accepts(candidate.getParameterTypes(), args)) {
        candidate.setAccessible(true);
        return candidate;
      }
    }
    throw new AssertionError("no " + name + " for " + Arrays.toString(args));
  }

  private static boolean accepts(Class<?>[] parameters, Object[] args) {
    if (parameters.length != args.length) {
      return false;
    }
    for (int i = 0; i < args.length; i++) {
      if (args[i] != null && !boxed(parameters[i]).isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return type == long.class ? Long.class : type == int.class ? Integer.class
        : type == double.class ? Double.class : type == float.class ? Float.class : Boolean.class;
  }

  /** Runs {@code target}, throwing what it throws as itself. */
  private static Object invoke(Executable target, Object receiver, Object[] args) {
    try {
      return target instanceof Constructor
          ? ((Constructor<?>) target).newInstance(args)
          : ((Method) target).invoke(receiver, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
