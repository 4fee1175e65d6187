package io.github.varscale;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * API.md: every public method checks its arguments, and a null throws {@link
 * NullPointerException} naming the parameter, before anything is written. This sweep finds every
 * public method and constructor of every public class in the package by reflection and calls it
 * once per reference parameter with that one argument null and the others valid. The parameter
 * names are listed here by hand (the classes are compiled without {@code -parameters}); a new
 * public method with a reference parameter fails the sweep until it is listed.
 */
class NullArgumentTest {

  /** {@code Class.method(ParameterTypes)} to the names of its reference parameters, in order. */
  private static final Map<String, List<String>> NAMES = Map.ofEntries(
      entry("Fans.of(Layout,int[])", List.of("layout", "shape")),
      entry("Fans.of(FanAxes,int[])", List.of("axes", "shape")),
      entry("FanAxes.of(Layout,int[])", List.of("layout", "batchAxes")),
      entry("FanAxes.explicit(int[],int[],int[])", List.of("inAxes", "outAxes", "batchAxes")),
      entry("FanAxes.fans(int[])", List.of("shape")),
      entry("VarianceScaling.of(double,Mode,Distribution)", List.of("mode", "distribution")),
      entry("VarianceScaling.variance(Fans)", List.of("fans")),
      entry("VarianceScaling.stddev(Fans)", List.of("fans")),
      entry("VarianceScaling.bound(Fans)", List.of("fans")),
      entry("VarianceScaling.maxMagnitude(Fans)", List.of("fans")),
      entry("VarianceScaling.fill(float[],int,int,long,Fans,long,String)",
          List.of("dst", "fans", "key")),
      entry("VarianceScaling.fill(double[],int,int,long,Fans,long,String)",
          List.of("dst", "fans", "key")),
      entry("FixedInitializer.variance(Fans)", List.of("fans")),
      entry("FixedInitializer.maxMagnitude(Fans)", List.of("fans")),
      entry("FixedInitializer.fill(float[],int,int,long,Fans,long,String)",
          List.of("dst", "fans", "key")),
      entry("FixedInitializer.fill(double[],int,int,long,Fans,long,String)",
          List.of("dst", "fans", "key")),
      entry("Initializer.fill(float[],Layout,int[],long,String)",
          List.of("dst", "layout", "shape", "key")),
      entry("Initializer.fill(double[],Layout,int[],long,String)",
          List.of("dst", "layout", "shape", "key")),
      entry("Initializer.fill(float[],FanAxes,int[],long,String)",
          List.of("dst", "axes", "shape", "key")),
      entry("Initializer.fill(double[],FanAxes,int[],long,String)",
          List.of("dst", "axes", "shape", "key")),
      entry("Initializer.fill(float[],Fans,long,String)", List.of("dst", "fans", "key")),
      entry("Initializer.fill(double[],Fans,long,String)", List.of("dst", "fans", "key")),
      entry("Initializer.fill(float[],int,int,long,Fans,long,String)",
          List.of("dst", "fans", "key")),
      entry("Initializer.fill(double[],int,int,long,Fans,long,String)",
          List.of("dst", "fans", "key")),
      entry("Initializer.variance(Fans)", List.of("fans")),
      entry("Initializer.maxMagnitude(Fans)", List.of("fans")),
      entry("TensorSpec.of(String,String,Class,int[],FanAxes,Initializer)",
          List.of("path", "key", "elementType", "shape", "axes", "initializer")),
      entry("TensorSpec.of(String,String,Class,int[],FanAxes,Initializer,String)",
          List.of("path", "key", "elementType", "shape", "axes", "initializer",
              "initializerName")),
      entry("TensorSpec.fill(float[],int,int,long,long)", List.of("dst")),
      entry("TensorSpec.fill(double[],int,int,long,long)", List.of("dst")),
      entry("ModelTensor.of(TensorSpec,Object)", List.of("spec", "array")),
      entry("ModelTensor.get(long,float[],int,int)", List.of("dst")),
      entry("ModelTensor.get(long,double[],int,int)", List.of("dst")),
      entry("ModelTensor.set(long,float[],int,int)", List.of("src")),
      entry("ModelTensor.set(long,double[],int,int)", List.of("src")),
      entry("Summary.of(List)", List.of("specs")));

  private static final TensorSpec FLOAT_SPEC = TensorSpec.of("w", "p.M#w", float.class,
      new int[] {2, 3}, FanAxes.of(Layout.IN_OUT), FixedInitializer.ones(), "Ones");

  /** The instances instance methods are called on, by declaring class. */
  private static List<Object> instances(Class<?> type) {
    if (type == Initializer.class) {
      return List.of(instance(VarianceScaling.class), instance(FixedInitializer.class));
    }
    return List.of(instance(type));
  }

  private static Object instance(Class<?> type) {
    if (type == VarianceScaling.class) {
      return VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.NORMAL);
    } else if (type == FixedInitializer.class) {
      return FixedInitializer.randomNormal(0, 1);
    } else if (type == FanAxes.class) {
      return FanAxes.of(Layout.IN_OUT);
    } else if (type == TensorSpec.class) {
      return FLOAT_SPEC;
    } else if (type == ModelTensor.class) {
      return ModelTensor.of(FLOAT_SPEC, new float[6]);
    }
    throw new AssertionError("no instance of " + type.getName() + " to call its methods on");
  }

  /** A valid argument of {@code type}: a tensor of shape [2, 3], arrays of 7s to see writes. */
  private static Object valid(Class<?> type) {
    if (type == int.class || type == long.class) {
      return type == int.class ? (Object) 0 : (Object) 0L;
    } else if (type == double.class) {
      return 1.0;
    } else if (type == float[].class || type == Object.class) {
      float[] floats = new float[6];
      Arrays.fill(floats, 7f);
      return floats;
    } else if (type == double[].class) {
      double[] doubles = new double[6];
      Arrays.fill(doubles, 7.0);
      return doubles;
    }
    Map<Class<?>, Object> values = Map.ofEntries(
        entry(int[].class, new int[] {2, 3}),
        entry(Layout.class, Layout.IN_OUT),
        entry(Mode.class, Mode.FAN_IN),
        entry(Distribution.class, Distribution.NORMAL),
        entry(Fans.class, new Fans(2, 3)),
        entry(FanAxes.class, FanAxes.of(Layout.IN_OUT)),
        entry(String.class, "p.M#w"),
        entry(Class.class, float.class),
        entry(Initializer.class, VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.NORMAL)),
        entry(TensorSpec.class, FLOAT_SPEC),
        entry(List.class, List.of(FLOAT_SPEC)));
    Object value = values.get(type);
    if (value == null) {
      fail("no valid argument of " + type.getName() + ": add one");
    }
    return value;
  }

  @Test
  void everyPublicMethodRefusesANullNamingTheParameter() throws Exception {
    TreeSet<String> found = new TreeSet<>();
    for (Class<?> type : publicClasses()) {
      for (Executable method : publicMethods(type)) {
        String signature = signature(type, method);
        List<Integer> references = referenceParameters(method);
        if (references.isEmpty()) {
          continue;
        }
        found.add(signature);
        List<String> names = NAMES.get(signature);
        assertTrue(names != null, signature + " takes a reference: list its parameters' names");
        assertEquals(references.size(), names.size(), signature);
        for (int r = 0; r < references.size(); r++) {
          assertNullRefused(method, references.get(r), names.get(r), signature);
        }
      }
    }
    assertEquals(new TreeSet<>(NAMES.keySet()), found, "listed methods that no longer exist");
  }

  private static void assertNullRefused(
      Executable method, int nullIndex, String name, String signature) throws Exception {
    List<Object> targets = Modifier.isStatic(method.getModifiers()) || !(method instanceof Method)
        ? Collections.singletonList(null)
        : instances(method.getDeclaringClass());
    for (Object target : targets) {
      Object[] args = new Object[method.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = i == nullIndex ? null : valid(method.getParameterTypes()[i]);
      }
      try {
        ((Method) method).invoke(target, args);
        fail(signature + " accepted a null " + name);
      } catch (InvocationTargetException e) {
        NullPointerException npe = assertInstanceOf(NullPointerException.class, e.getCause(),
            signature + " with a null " + name);
        assertEquals(name, npe.getMessage(), signature);
      }
      for (Object arg : args) {
        assertUnwritten(arg, signature);
      }
    }
  }

  /** The 7s of an array argument are all still there. */
  private static void assertUnwritten(Object arg, String signature) {
    if (arg instanceof float[]) {
      for (float x : (float[]) arg) {
        assertEquals(7f, x, signature + " wrote before refusing");
      }
    } else if (arg instanceof double[]) {
      for (double x : (double[]) arg) {
        assertEquals(7.0, x, signature + " wrote before refusing");
      }
    }
  }

  /** The public classes and interfaces of the package, annotations and enums left out. */
  private static List<Class<?>> publicClasses() throws IOException, URISyntaxException,
      ClassNotFoundException {
    Path folder = Path.of(Fans.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("io/github/varscale");
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().collect(Collectors.toList())) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          Class<?> type = Class.forName("io.github.varscale." + name.replace(".class", ""));
          if (Modifier.isPublic(type.getModifiers()) && !type.isAnnotation() && !type.isEnum()) {
            classes.add(type);
          }
        }
      }
    }
    assertTrue(classes.contains(ModelTensor.class) && classes.contains(Initializer.class));
    return classes;
  }

  /** Public methods and constructors, {@code equals(Object)} (which takes null) left out. */
  private static List<Executable> publicMethods(Class<?> type) {
    List<Executable> methods = new ArrayList<>();
    for (Method method : type.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()
          && !(method.getName().equals("equals") && method.getParameterCount() == 1)) {
        methods.add(method);
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (Modifier.isPublic(constructor.getModifiers())) {
        methods.add(constructor);
        assertTrue(referenceParameters(constructor).isEmpty(),
            constructor + ": the sweep calls methods only; add constructors to it");
      }
    }
    return methods;
  }

  private static List<Integer> referenceParameters(Executable method) {
    List<Integer> references = new ArrayList<>();
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      if (!types[i].isPrimitive()) {
        references.add(i);
      }
    }
    return references;
  }

  private static String signature(Class<?> type, Executable method) {
    String name = method instanceof Method ? method.getName() : "<init>";
    return type.getSimpleName() + "." + name + Arrays.stream(method.getParameterTypes())
        .map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
  }
}
