package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

/** How build tools find the processors: the service file and Gradle's incremental metadata. */
class RegistrationTest {

  @Test
  void everyRegisteredProcessorIsDeclaredToGradle() throws IOException {
    List<String> registered =
        lines("META-INF/services/javax.annotation.processing.Processor");
    assertThat(registered).containsExactly(PresetFieldProcessor.class.getName(),
        VarianceScaledProcessor.class.getName());
    // A processor Gradle does not know as incremental makes every build recompile everything.
    assertThat(lines("META-INF/gradle/incremental.annotation.processors"))
        .containsExactlyElementsIn(registered.stream().map(name -> name + ",isolating").toList());
  }

  @Test
  void processorsSupportTheRunningJdksLanguage() {
    // A fixed version warns "Supported source version ... less than -source" on newer JDKs.
    assertThat(new VarianceScaledProcessor().getSupportedSourceVersion())
        .isEqualTo(SourceVersion.latestSupported());
    assertThat(new PresetFieldProcessor().getSupportedSourceVersion())
        .isEqualTo(SourceVersion.latestSupported());
  }

  /** A resource of the processor's own classes, not of another jar on the class path. */
  private static List<String> lines(String resource) throws IOException {
    URL classes = VarianceScaledProcessor.class.getProtectionDomain().getCodeSource().getLocation();
    URL url = Collections.list(RegistrationTest.class.getClassLoader().getResources(resource))
        .stream()
        .filter(u -> u.toString().startsWith(classes.toString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + resource + " in " + classes));
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
  }
}
