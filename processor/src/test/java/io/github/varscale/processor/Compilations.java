package io.github.varscale.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles test sources with the processor, and runs what it generated. */
final class Compilations {
  private Compilations() {}

  /** The lint options every compilation uses; only happy paths add {@code -Werror}. */
  static final List<String> LINT = List.of("-Xlint:all");

  static final List<String> STRICT = List.of("-Xlint:all", "-Werror");

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(LINT, sources);
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    Spied processor = new Spied(new VarianceScaledProcessor(), env -> env);
    lastWritten = processor.written;
    return javac().withProcessors(processor).withOptions(options).compile(sources);
  }

  private static Set<String> lastWritten = Set.of();

  /**
   * Whether the last {@link #compile} wrote a source file: compile-testing shows no files of a
   * failed compilation, and javac compiles no generated file after an error.
   */
  static boolean wrote(String qualifiedName) {
    return lastWritten.contains(qualifiedName);
  }

  /**
   * Runs a processor in an environment that {@code environment} may alter, recording the source
   * files it creates.
   */
  static final class Spied extends AbstractProcessor {
    private final Processor delegate;
    private final UnaryOperator<ProcessingEnvironment> environment;
    final Set<String> written = new LinkedHashSet<>();

    Spied(Processor delegate, UnaryOperator<ProcessingEnvironment> environment) {
      this.delegate = delegate;
      this.environment = environment;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      Filer filer =
          proxy(
              Filer.class,
              (method, args) -> {
                if (method.getName().equals("createSourceFile")) {
                  written.add(args[0].toString());
                }
                return method.invoke(env.getFiler(), args);
              });
      delegate.init(
          environment.apply(
              proxy(
                  ProcessingEnvironment.class,
                  (method, args) ->
                      method.getName().equals("getFiler") ? filer : method.invoke(env, args))));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }
  }

  interface Handler {
    Object handle(Method method, Object[] args) throws Throwable;
  }

  /** An implementation of {@code type} whose every call goes to {@code handler}. */
  static <T> T proxy(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            Compilations.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              try {
                return handler.handle(method, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  /** The outcome of {@link #javacOnFiles}: whether it succeeded, and every diagnostic. */
  record FileCompilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {}

  /**
   * Runs javac on real files, for what compile-testing's in-memory files cannot hold: modules, and
   * class files compiled earlier.
   */
  static FileCompilation javacOnFiles(
      List<String> options, List<Path> sources, Processor... processors) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(processors));
      boolean success = task.call();
      return new FileCompilation(success, diagnostics.getDiagnostics());
    }
  }

  static String generatedSource(Compilation compilation, String qualifiedName) {
    try {
      return compilation
          .generatedSourceFile(qualifiedName)
          .orElseThrow()
          .getCharContent(true)
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the classes of a successful compilation, over the test's own class path. */
  static final class Loaded extends ClassLoader {
    private final Compilation compilation;

    Loaded(Compilation compilation) {
      super(Loaded.class.getClassLoader());
      if (compilation.status() != Compilation.Status.SUCCESS) {
        throw new IllegalStateException("compilation failed: " + compilation.diagnostics());
      }
      this.compilation = compilation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      Optional<JavaFileObject> file =
          compilation.generatedFile(
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

    Object newModel(String name) throws ReflectiveOperationException {
      var constructor = loadClass(name).getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    }

    /** Calls {@code <initializer>.initialize(model, seed)}, rethrowing what it throws. */
    void initialize(String initializer, Object model, long seed) throws Throwable {
      var method =
          java.util.Arrays.stream(loadClass(initializer).getMethods())
              .filter(m -> m.getName().equals("initialize"))
              .findFirst()
              .orElseThrow();
      try {
        method.invoke(null, model, seed);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    Object constant(String nestedClass, String name) throws ReflectiveOperationException {
      return loadClass(nestedClass).getField(name).get(null);
    }

    static Object get(Object model, String field) throws ReflectiveOperationException {
      return field(model, field).get(model);
    }

    static void set(Object model, String field, Object value) throws ReflectiveOperationException {
      field(model, field).set(model, value);
    }

    private static Field field(Object model, String name) throws NoSuchFieldException {
      for (Class<?> c = model.getClass(); c != null; c = c.getSuperclass()) {
        try {
          Field field = c.getDeclaredField(name);
          field.setAccessible(true);
          return field;
        } catch (NoSuchFieldException e) {
          // look in the superclass
        }
      }
      throw new NoSuchFieldException(name);
    }
  }
}
