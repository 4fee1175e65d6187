package io.github.varscale.sample;

import io.github.varscale.Summary;
import io.github.varscale.TensorSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The varscale sample: initializes three annotated models with their generated initializers,
 * prints their summaries and what each tensor holds, writes the GPT's weights as a safetensors
 * checkpoint, then shows, on deep MLPs, why the variance must follow the fan-in, and draws that as
 * a chart.
 */
@Command(
    name = "varscale-sample",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Initializes the sample models (Mlp in Keras's layout, SmallCnn in PyTorch's, TinyGpt "
          + "made of parts) with a seed, prints their summaries and each tensor's fans, target "
          + "and measured variance, and writes TinyGpt as a safetensors checkpoint.",
      "Then pushes a batch of standard normal inputs through deep ReLU and tanh MLPs initialized "
          + "with He, Glorot, LeCun and two fixed normals, prints the standard deviation of the "
          + "activations layer by layer, and draws it as a PNG chart.",
      ""
    })
public final class Main implements Callable<Integer> {
  // 32 layers of 1024 units: deep enough for fixed scales to vanish or explode by 20 orders of
  // magnitude, and wide enough that He's finite-width drift stays well inside a factor 2.
  static final int DEFAULT_DEPTH = 32;
  static final int DEFAULT_WIDTH = 1024;
  static final int DEFAULT_BATCH = 16;
  static final int MAX_DEPTH = 1000;
  static final int MAX_WIDTH = 4096;
  static final int MAX_BATCH = 4096;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      order = 1,
      usageHelp = true,
      description = "Show this help and exit.")
  private boolean help;

  @Option(
      names = "--seed",
      order = 2,
      defaultValue = "42",
      paramLabel = "<long>",
      description = "Seed of every random value (default: ${DEFAULT-VALUE}).")
  private long seed;

  private int depth;
  private int width;
  private int batch;

  @Option(
      names = {"-o", "--output"},
      order = 6,
      defaultValue = "target/propagation.png",
      paramLabel = "<file>",
      description = "Where to write the PNG chart (default: ${DEFAULT-VALUE}).")
  private Path output;

  @Option(
      names = "--checkpoint",
      order = 7,
      defaultValue = "target/checkpoint",
      paramLabel = "<directory>",
      description = "Where to write TinyGpt's safetensors checkpoint (default: ${DEFAULT-VALUE}).")
  private Path checkpoint;

  @Option(
      names = "--depth",
      order = 3,
      defaultValue = "" + DEFAULT_DEPTH,
      paramLabel = "<layers>",
      description = "Layers of the propagation experiment, 1 to " + MAX_DEPTH
          + " (default: ${DEFAULT-VALUE}).")
  void setDepth(int value) {
    depth = checkRange("--depth", value, 1, MAX_DEPTH);
  }

  @Option(
      names = "--width",
      order = 4,
      defaultValue = "" + DEFAULT_WIDTH,
      paramLabel = "<units>",
      description = "Units per layer, 1 to " + MAX_WIDTH + " (default: ${DEFAULT-VALUE}).")
  void setWidth(int value) {
    width = checkRange("--width", value, 1, MAX_WIDTH);
  }

  @Option(
      names = "--batch",
      order = 5,
      defaultValue = "" + DEFAULT_BATCH,
      paramLabel = "<inputs>",
      description = "Random inputs pushed through, 2 to " + MAX_BATCH
          + " (default: ${DEFAULT-VALUE}).")
  void setBatch(int value) {
    batch = checkRange("--batch", value, 2, MAX_BATCH);
  }

  private int checkRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(
          spec.commandLine(),
          option + " must be between " + min + " and " + max + ", found " + value);
    }
    return value;
  }

  public static void main(String[] args) {
    // The chart is drawn off screen; no display is needed, or wanted.
    System.setProperty("java.awt.headless", "true");
    int status =
        run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Parses {@code args} and runs the sample, writing to {@code out} and {@code err}; returns the
   * exit status: 0 on success, 2 for bad options (a message and the usage on {@code err}), 1 if
   * the chart cannot be written.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(
        (e, arguments) -> {
          CommandLine cl = e.getCommandLine();
          cl.getErr().println(e.getMessage());
          cl.getErr().println("Try 'varscale-sample --help' for the options.");
          return cl.getCommandSpec().exitCodeOnInvalidInput();
        });
    commandLine.setExecutionExceptionHandler(
        (e, cl, parseResult) -> {
          if (!(e instanceof IOException)) {
            throw e;
          }
          cl.getErr().println("varscale-sample: " + Outputs.describe((IOException) e));
          return 1;
        });
    return commandLine.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    // Both outputs are checked first: a bad path should not cost the whole experiment.
    Path chartFile = Outputs.requireWritableFile(output, "the chart");
    Path checkpointDirectory = Outputs.requireWritableDirectory(checkpoint, "the checkpoint");
    PrintWriter out = spec.commandLine().getOut();
    out.printf("varscale sample, seed %d%n%n", seed);

    out.println("TinyGpt, as TinyGptInitializer.specs(gpt) describes it:");
    List<TensorSpec> gptSpecs = SampleModels.gptSpecs();
    out.println(Summary.of(gptSpecs));

    out.println("Tensors as the generated initializers filled them (TinyGpt: its first block):");
    out.println(TensorReport.table(SampleModels.reports(seed)));

    Checkpoints.Written written = Checkpoints.write(checkpointDirectory, seed);
    out.printf("Checkpoint: %s (%,d bytes)%n", written.file(), written.bytes());
    out.printf("The same weights written from the specs alone, never allocated, in %d shards: %s%n",
        written.shards(), written.sharded());
    out.printf("Read back into a new TinyGpt, the shards hold the initialized weights: %s%n%n",
        written.sameWeights() ? "yes" : "NO");

    Propagation.Settings settings = new Propagation.Settings(depth, width, batch, seed);
    out.printf(
        "Signal propagation: std of each layer's output, %d inputs ~ N(0, 1) through %d layers "
            + "of %d units%n",
        batch, depth, width);
    List<Propagation.Series> series = Propagation.run(settings);
    out.println(PropagationReport.table(series, Propagation.Activation.RELU));
    out.println(PropagationReport.table(series, Propagation.Activation.TANH));
    out.println(
        """
        ReLU zeroes half of its inputs, halving the second moment at every layer: He's 2 / fan_in
        restores it, 1 / fan_in (LeCun; Glorot too, every layer being square) loses a factor 2
        per layer, and a fixed variance multiplies it by width * variance / 2 per layer.
        tanh is linear near 0: 1 / fan_in keeps the signal alive as it slowly fades, N(0, 0.01^2)
        fades fast, and N(0, 1) keeps a std near 1 only because its units are stuck at +-1
        (saturated), where tanh has no gradient to learn with.
        """);

    Path chart = PropagationChart.write(series, settings, chartFile);
    out.println("Chart: " + chart);
    out.flush();
    return 0;
  }
}
