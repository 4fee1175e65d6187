package io.github.varscale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchmarkIdTest {

  @Test
  void anIdIsNamedAsJmhNamesTheBenchmark() {
    assertEquals("MemoryBound.arraysFill", BenchmarkId.of(MemoryBound.class, "arraysFill").name());
  }

  @Test
  void aMethodThatIsNotThereIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> BenchmarkId.of(MemoryBound.class, "arraysFillRenamed"));
  }

  @Test
  void aMethodThatIsNoBenchmarkIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> BenchmarkId.of(MemoryBound.class, "allocate"));
  }

  @Test
  void everyIdTheReportAndTheGoalsReferToExists() {
    // Loading the classes runs BenchmarkId.of on each constant: a rename fails here.
    assertEquals("MemoryBound.arraysFill", Report.BOUND.name());
    assertEquals("JdkRandoms.uniformSplittableRandom", Targets.UNIFORM_JDK.name());
  }

  @Test
  void theNativeLibrariesTheGoalsNameHaveTheirBenchmarkSources() {
    // Surefire runs in the module's folder; these classes compile only with -Pnative.
    for (String type : Targets.NATIVE_LIBRARIES) {
      Path source = Path.of("src/native/java/io/github/varscale/bench", type + ".java");
      assertTrue(Files.isRegularFile(source), source + " is missing");
    }
  }
}
