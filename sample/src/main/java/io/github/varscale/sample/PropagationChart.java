package io.github.varscale.sample;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the propagation experiment as a PNG: one panel per activation, the activations' standard
 * deviation on a logarithmic axis against the layer, one line per initialization scheme.
 */
final class PropagationChart {
  static final int PANEL_WIDTH = 640;
  static final int PANEL_HEIGHT = 480;
  static final double Y_MIN = 1e-8;
  static final double Y_MAX = 1e8;

  private PropagationChart() {}

  /** Writes the chart to {@code file} (creating its directory) and returns its absolute path. */
  static Path write(List<Propagation.Series> series, Propagation.Settings settings, Path file)
      throws IOException {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(file, "file");
    List<XYChart> panels = new ArrayList<>();
    for (Propagation.Activation activation : Propagation.Activation.values()) {
      panels.add(
          panel(
              activation,
              series.stream().filter(s -> s.activation() == activation).toList(),
              settings));
    }
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    // saveBitmap appends ".png" to a name that lacks it; report the file it really writes.
    String name = BitmapEncoder.addFileExtension(target.toString(), BitmapFormat.PNG);
    BitmapEncoder.saveBitmap(panels, 1, panels.size(), name, BitmapFormat.PNG);
    return Path.of(name);
  }

  private static XYChart panel(
      Propagation.Activation activation,
      List<Propagation.Series> series,
      Propagation.Settings settings) {
    XYChart chart =
        new XYChartBuilder()
            .width(PANEL_WIDTH)
            .height(PANEL_HEIGHT)
            .title(
                activation.label()
                    + " MLP: "
                    + settings.depth()
                    + " layers of "
                    + settings.width()
                    + " units, batch "
                    + settings.batch())
            .xAxisTitle("layer (0 = inputs)")
            .yAxisTitle("std of the activations (log scale)")
            .build();
    XYStyler styler = chart.getStyler();
    styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    styler.setYAxisLogarithmic(true);
    styler.setLegendPosition(LegendPosition.InsideNE);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setAntiAlias(true);
    styler.setPlotGridVerticalLinesVisible(false);
    // A logarithmic axis labels every decade: keep the plot to the range where the schemes differ,
    // and let the exploding and vanishing ones leave it (the printed table has their values).
    styler.setYAxisMin(Y_MIN);
    styler.setYAxisMax(Y_MAX);
    styler.setXAxisMin(0.0);
    styler.setXAxisMax((double) settings.depth());
    styler.setXAxisTickMarkSpacingHint(80);
    styler.setYAxisDecimalPattern("0E0");
    for (Propagation.Series s : series) {
      double[] y = plottable(s.std());
      double[] x = IntStream.range(0, y.length).asDoubleStream().toArray();
      chart.addSeries(s.scheme().label(), x, y).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  /**
   * The leading values a logarithmic axis can show: a series that overflowed to infinity or
   * underflowed to zero stops there.
   */
  static double[] plottable(double[] std) {
    int n = 0;
    while (n < std.length && std[n] > 0 && Double.isFinite(std[n])) {
      n++;
    }
    return Arrays.copyOf(std, n);
  }
}
