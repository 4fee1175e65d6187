package io.github.varscale.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources with varscale's two processors, in the order their jar registers them, as
 * a build with the processor on its processor path does. Every call returns what it compiled and
 * wrote; nothing is kept between calls.
 */
final class Compilations {
  private Compilations() {}

  /** The lint options of a compilation expected to fail: every warning still shows. */
  static final List<String> LINT = List.of("-Xlint:all");

  /** The options of a careful user's build, for compilations expected to succeed. */
  static final List<String> STRICT = List.of("-Xlint:all", "-Werror");

  /**
   * A compilation and the source files varscale's processor created in it: compile-testing shows
   * no generated file of a failed compilation, and javac compiles none after an error.
   */
  record Compiled(Compilation compilation, Set<String> written) {
    boolean wrote(String qualifiedName) {
      return written.contains(qualifiedName);
    }

    /** The text of a generated source file. */
    String generated(String qualifiedName) {
      try {
        return compilation.generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError("no generated " + qualifiedName + " in "
                + compilation.generatedSourceFiles()))
            .getCharContent(true)
            .toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The classes of this successful compilation, to run the generated code. */
    Loaded load() {
      return Loaded.of(compilation);
    }
  }

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** A model class {@code p.M} with the given members, importing all of varscale. */
  static JavaFileObject model(String... members) {
    return modelNamed("M", members);
  }

  /** A model class {@code p.<name>} with the given members, importing all of varscale. */
  static JavaFileObject modelNamed(String name, String... members) {
    List<String> lines = new ArrayList<>(List.of(
        "package p;",
        "",
        "import io.github.varscale.*;",
        "import java.util.List;",
        "",
        "public class " + name + " {"));
    lines.addAll(List.of(members));
    lines.add("}");
    return source("p." + name, lines.toArray(String[]::new));
  }

  static Compiled compile(JavaFileObject... sources) {
    return compile(LINT, sources);
  }

  static Compiled compile(List<String> options, JavaFileObject... sources) {
    return compile(javac(), new Spy(), options, sources);
  }

  /** Compiles with {@code compiler}, varscale's main processor watched by {@code spy}. */
  static Compiled compile(
      Compiler compiler, Spy spy, List<String> options, JavaFileObject... sources) {
    Compilation compilation = compiler
        .withProcessors(new PresetFieldProcessor(), spy)
        .withOptions(options)
        .compile(sources);
    return new Compiled(compilation, Set.copyOf(spy.written));
  }

  /**
   * varscale's main processor, watched: it records the source files the processor creates, can
   * run it in an altered environment, and can first write other sources in its first round, as
   * another processor would (types that appear only in the next round, or a file that takes the
   * initializer's name).
   */
  static final class Spy extends AbstractProcessor {
    private final VarianceScaledProcessor delegate = new VarianceScaledProcessor();
    private final UnaryOperator<ProcessingEnvironment> environment;
    private final Map<String, String> writtenFirst;
    private final Set<String> written = new LinkedHashSet<>();
    private boolean first = true;

    Spy() {
      this(env -> env, Map.of());
    }

    private Spy(UnaryOperator<ProcessingEnvironment> environment, Map<String, String> writtenFirst) {
      this.environment = environment;
      this.writtenFirst = writtenFirst;
    }

    /** The processor in the environment {@code environment} makes of javac's. */
    static Spy inEnvironment(UnaryOperator<ProcessingEnvironment> environment) {
      return new Spy(environment, Map.of());
    }

    /** The processor after {@code sources} (name, text, name, text...) are written. */
    static Spy writingFirst(String... sources) {
      Map<String, String> files = new LinkedHashMap<>();
      for (int i = 0; i < sources.length; i += 2) {
        files.put(sources[i], sources[i + 1]);
      }
      return new Spy(env -> env, files);
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      Filer filer = proxy(Filer.class, (method, args) -> {
        if (method.getName().equals("createSourceFile")) {
          written.add(args[0].toString());
        }
        return method.invoke(env.getFiler(), args);
      });
      ProcessingEnvironment watched = proxy(ProcessingEnvironment.class, (method, args) ->
          method.getName().equals("getFiler") ? filer : method.invoke(env, args));
      delegate.init(environment.apply(watched));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      // The sources of every test that writes files first carry varscale's annotations, so the
      // files are written in the first round.
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (first) {
        first = false;
        writtenFirst.forEach(this::write);
      }
      return delegate.process(annotations, round);
    }

    private void write(String name, String text) {
      try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        writer.write(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  interface Handler {
    Object handle(Method method, Object[] args) throws Throwable;
  }

  /** An implementation of {@code type} whose every call goes to {@code handler}. */
  static <T> T proxy(Class<T> type, Handler handler) {
    return type.cast(Proxy.newProxyInstance(
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
}
