package io.github.varscale.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line: options, messages, exit status and what a run prints and writes. */
class MainTest {
  /** A small experiment, so that a whole run is quick. */
  private static final String[] SMALL = {"--depth", "3", "--width", "16", "--batch", "4"};

  private record Outcome(int status, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(status, out.toString(), err.toString());
  }

  /** A small run writing its chart to {@code output} and its checkpoint beside it. */
  private static String[] small(Path output, String... more) {
    Path checkpoint = output.toAbsolutePath().getParent().resolve("checkpoint");
    return small(output, checkpoint, more);
  }

  private static String[] small(Path output, Path checkpoint, String... more) {
    List<String> args = new ArrayList<>(List.of(SMALL));
    args.addAll(List.of("--output", output.toString(), "--checkpoint", checkpoint.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void helpListsEveryOptionAndSucceeds() {
    Outcome outcome = run("--help");
    assertEquals(0, outcome.status());
    for (String option :
        new String[] {"--seed", "--depth", "--width", "--batch", "--output", "--checkpoint"}) {
      assertTrue(outcome.out().contains(option), option + " in:\n" + outcome.out());
    }
    assertEquals("", outcome.err());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--depth 0        | --depth must be between 1 and 1000, found 0",
        "--depth 1001     | --depth must be between 1 and 1000, found 1001",
        "--width -3       | --width must be between 1 and 4096, found -3",
        "--batch 1        | --batch must be between 2 and 4096, found 1",
        "--width wide     | Invalid value for option '--width': 'wide' is not an int",
        "--seed 1.5       | Invalid value for option '--seed': '1.5' is not a long",
        "--colour red     | Unknown options: '--colour', 'red'",
        "--depth          | Missing required parameter for option '--depth'",
      })
  void badOptionsGetAMessageAndExitStatus2(String args, String message) {
    Outcome outcome = run(args.split(" "));
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().startsWith(message), outcome.err());
    assertTrue(
        outcome.err().endsWith(
            "Try 'varscale-sample --help' for the options." + System.lineSeparator()),
        outcome.err());
    assertFalse(outcome.err().contains("Exception"), outcome.err());
    assertEquals("", outcome.out());
  }

  @Test
  void printsTheModelsTableAndTheExperimentAndWritesTheChart(@TempDir Path dir)
      throws IOException {
    Path chart = dir.resolve("charts/propagation.png");
    Outcome outcome = run(small(chart, "--seed", "42"));
    assertEquals(0, outcome.status(), outcome.err());
    assertEquals("", outcome.err());

    assertTrue(outcome.out().contains(
        io.github.varscale.Summary.of(SampleModels.gptSpecs()).toString()), outcome.out());
    Path checkpoint = dir.resolve("charts/checkpoint");
    assertTrue(outcome.out().contains("Checkpoint: " + checkpoint.resolve("model.safetensors")
        .toAbsolutePath()), outcome.out());
    assertTrue(outcome.out().contains("the shards hold the initialized weights: yes"));
    assertTrue(Files.isRegularFile(checkpoint.resolve("sharded/model.safetensors.index.json")));

    // The figures printed are the ones the reports measure on the initialized models.
    assertTrue(outcome.out().contains(TensorReport.table(SampleModels.reports(42))), outcome.out());
    for (TensorReport report : SampleModels.reports(42)) {
      assertTrue(outcome.out().contains(Tensors.scientific(report.measuredVariance())));
    }
    assertTrue(outcome.out().contains("ReLU layer"));
    assertTrue(outcome.out().contains("tanh layer"));
    assertTrue(outcome.out().endsWith("Chart: " + chart.toAbsolutePath() + System.lineSeparator()));

    BufferedImage image = ImageIO.read(chart.toFile());
    assertNotNull(image, "a PNG");
    assertEquals(2 * PropagationChart.PANEL_WIDTH, image.getWidth());
    assertEquals(PropagationChart.PANEL_HEIGHT, image.getHeight());
  }

  @Test
  void aChartNameWithoutExtensionGetsPngAndThePrintedPathSaysSo(@TempDir Path dir) {
    Path chart = dir.resolve("propagation");
    Outcome outcome = run(small(chart));
    assertEquals(0, outcome.status(), outcome.err());
    Path written = dir.resolve("propagation.png").toAbsolutePath();
    assertTrue(Files.isRegularFile(written));
    assertTrue(outcome.out().endsWith("Chart: " + written + System.lineSeparator()));
  }

  @Test
  void theSeedChangesTheNumbers() {
    String one = TensorReport.table(SampleModels.reports(1));
    String two = TensorReport.table(SampleModels.reports(2));
    assertFalse(one.equals(two));
  }

  /** A path that cannot be written is refused before anything is computed. */
  @Test
  void anUnwritableChartIsAMessageAndExitStatus1AtOnce(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "");
    Outcome outcome = run(small(file.resolve("chart.png"), dir.resolve("checkpoint")));
    assertEquals(1, outcome.status());
    assertEquals("varscale-sample: cannot write the chart to " + file.resolve("chart.png")
        + ": " + file + " is not a directory" + System.lineSeparator(), outcome.err());
    assertEquals("", outcome.out());
  }

  @Test
  void anUnwritableCheckpointIsAMessageAndExitStatus1AtOnce(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "");
    Outcome outcome = run(small(dir.resolve("chart.png"), file));
    assertEquals(1, outcome.status());
    assertEquals("varscale-sample: cannot write the checkpoint to " + file + ": " + file
        + " is not a directory" + System.lineSeparator(), outcome.err());
    assertEquals("", outcome.out());
    assertFalse(Files.exists(dir.resolve("chart.png")));
  }
}
