package io.github.varscale.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
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
    // Below the plot, so that no line or note runs under it.
    styler.setLegendPosition(LegendPosition.OutsideS);
    styler.setLegendLayout(LegendLayout.Horizontal);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setAntiAlias(true);
    styler.setPlotGridVerticalLinesVisible(false);
    // A logarithmic axis labels every decade: keep the plot to the range where the schemes differ;
    // a series that leaves it ends at the border, with a note of where it went.
    styler.setYAxisMin(Y_MIN);
    styler.setYAxisMax(Y_MAX);
    styler.setXAxisMin(0.0);
    styler.setXAxisMax((double) settings.depth());
    styler.setXAxisTickMarkSpacingHint(80);
    styler.setYAxisDecimalPattern("0E0");
    styler.setAnnotationTextFontColor(Color.DARK_GRAY);
    int above = 0;
    int below = 0;
    for (Propagation.Series s : series) {
      double[] y = inPlot(s.std());
      double[] x = IntStream.range(0, y.length).asDoubleStream().toArray();
      boolean glorot = s.scheme().id().equals("glorot");
      // Glorot's fan_avg equals LeCun's fan_in in square layers, so their lines coincide: a
      // thick dashed Glorot shows through a thin LeCun, and the legend says why.
      String label = glorot ? s.scheme().label() + " (= LeCun: square layers)" : s.scheme().label();
      XYSeries line = chart.addSeries(label, x, y);
      line.setMarker(SeriesMarkers.NONE);
      if (glorot) {
        line.setLineStyle(new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 6f}, 0f));
      }
      if (y.length < s.std().length) {
        boolean up = !(s.std()[y.length] < Y_MIN);
        int slot = up ? above++ : below++;
        // Notes stack from the border inwards, a decade and a half apart, right of where the
        // line leaves.
        double noteY = up ? Y_MAX / Math.pow(10, 1.5 * (slot + 1)) : Y_MIN * Math.pow(10,
            1.5 * (slot + 1));
        double noteX = up
            ? Math.min(y.length - 1 + settings.depth() * 0.3, settings.depth() * 0.6)
            : settings.depth() * 0.7;
        chart.addAnnotation(new AnnotationText(exitNote(s), noteX, noteY, false));
      }
    }
    return chart;
  }

  /**
   * The leading values inside the plot's range, and the first one outside it, clamped to the
   * border so that the line visibly leaves the plot there.
   */
  static double[] inPlot(double[] std) {
    int n = 0;
    while (n < std.length && std[n] >= Y_MIN && std[n] <= Y_MAX) {
      n++;
    }
    if (n == std.length) {
      return std.clone();
    }
    double[] y = Arrays.copyOf(std, n + 1);
    y[n] = std[n] < Y_MIN ? Y_MIN : Y_MAX;
    return y;
  }

  /** {@code "N(0, 1) off the plot: 2.1e+43 at layer 32"}, for a series that left the plot. */
  static String exitNote(Propagation.Series series) {
    double[] std = series.std();
    double last = std[std.length - 1];
    return series.scheme().label() + " off the plot: "
        + String.format(Locale.ROOT, "%.1e", last) + " at layer " + (std.length - 1);
  }
}
