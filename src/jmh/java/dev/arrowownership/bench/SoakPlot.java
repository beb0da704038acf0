package dev.arrowownership.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Draws the soak: one panel per variant, RssAnon and allocator memory in MB against the cycle. */
final class SoakPlot {
  private SoakPlot() {}

  static void write(Path png, List<SoakSample> samples) throws IOException {
    List<XYChart> charts = samples.stream().map(SoakSample::variant).distinct()
        .map(variant -> chart(variant, samples.stream().filter(s -> s.variant().equals(variant)).toList()))
        .toList();
    String name = png.toString();
    BitmapEncoder.saveBitmap(charts, 1, charts.size(), name.substring(0, name.length() - 4), BitmapEncoder.BitmapFormat.PNG);
  }

  private static XYChart chart(String variant, List<SoakSample> samples) {
    XYChart chart = new XYChartBuilder().width(640).height(420)
        .title(variant + " wrapper: " + samples.get(samples.size() - 1).cycle() + " write/read cycles of a ~1 MB batch")
        .xAxisTitle("cycle").yAxisTitle("MB").build();
    double[] cycles = samples.stream().mapToDouble(SoakSample::cycle).toArray();
    chart.addSeries("RssAnon", cycles, samples.stream().mapToDouble(s -> s.rssAnonKb() / 1024.0).toArray());
    chart.addSeries("allocator", cycles, samples.stream().mapToDouble(s -> s.allocatorBytes() / 1048576.0).toArray());
    chart.addSeries("Java heap used", cycles, samples.stream().mapToDouble(s -> s.heapUsedKb() / 1024.0).toArray());
    chart.getStyler().setMarkerSize(3);
    return chart;
  }
}
