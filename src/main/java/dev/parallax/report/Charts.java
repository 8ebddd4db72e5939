package dev.parallax.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

/**
 * The report's charts: JFreeChart charts drawn onto JFreeSVG's {@link SVGGraphics2D}, each returned
 * as one inline {@code <svg>} element with a {@code <title>}. All text, rotated labels included, is
 * drawn as SVG {@code <text>}, which JFreeSVG XML-escapes, so corpus strings (sources, terms, theme
 * labels) cannot open markup.
 *
 * <p>Every element id inside a chart's SVG (its clip paths) starts with the chart's id, so many
 * charts can share one HTML page. Output is deterministic: the same spec gives the same SVG text.
 * Drawing needs no display: {@code java.awt.headless} is set to true unless already set.
 */
final class Charts {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    // Rotated labels as SVG text (rotate + drawString), not as glyph outlines.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private Charts() {}

  private static final Font TICK = new Font("SansSerif", Font.PLAIN, 12);
  private static final Font SMALL = new Font("SansSerif", Font.PLAIN, 11);
  private static final Color GRID = new Color(0xD5, 0xDA, 0xE1);
  private static final Color INTERVAL = new Color(0x7B, 0x86, 0x94);
  private static final Color AXIS = new Color(0x5F, 0x6B, 0x7A);

  /** Height of one forest-plot row, in pixels. */
  private static final int ROW = 30;

  /** Height of one bar-chart row, in pixels. */
  private static final int BAR_ROW = 24;

  /** Approximate width of one character of a 12 px label, in pixels. */
  private static final double CHAR = 6.6;

  /**
   * A heatmap: {@code values[r][c]} is the cell of row {@code r} (top to bottom) and column {@code
   * c} (left to right), NaN for no value, coloured by {@code palette}; {@code text[r][c]} is
   * printed in the cell (null: nothing), in dark or white ink, whichever reads better on the cell.
   * A legend strip above shows the palette from its lower to its upper bound, with round ticks
   * (signed when the palette goes below 0).
   */
  @SuppressWarnings(
      "ArrayRecordComponent") // built once per chart and drawn; never compared or hashed
  record Heatmap(
      String id,
      String title,
      List<String> rows,
      List<String> columns,
      double[][] values,
      String[][] text,
      Palette palette,
      String legendLabel) {

    String svg() {
      XYPlot plot = new XYPlot();
      double[][] xyz = new double[3][rows.size() * columns.size()];
      int k = 0;
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < columns.size(); c++) {
          xyz[0][k] = c;
          xyz[1][k] = r;
          xyz[2][k] = values[r][c];
          k++;
          if (text[r][c] != null) {
            XYTextAnnotation a = new XYTextAnnotation(text[r][c], c, r);
            a.setFont(SMALL);
            a.setPaint(Palette.textOn(palette.color(values[r][c])));
            a.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(a);
          }
        }
      }
      DefaultXYZDataset data = new DefaultXYZDataset();
      data.addSeries("cells", xyz);
      XYBlockRenderer renderer = new XYBlockRenderer();
      renderer.setPaintScale(palette);
      renderer.setBlockWidth(0.94);
      renderer.setBlockHeight(0.88);
      plot.setDataset(data);
      plot.setRenderer(renderer);
      SymbolAxis x = symbols(columns);
      x.setVerticalTickLabels(true);
      SymbolAxis y = symbols(rows);
      y.setInverted(true);
      plot.setDomainAxis(x);
      plot.setRangeAxis(y);
      plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
      plot.setBackgroundPaint(Color.WHITE);
      plot.setOutlineVisible(false);
      plot.setDomainGridlinesVisible(false);
      plot.setRangeGridlinesVisible(false);
      plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
      JFreeChart chart = chart(plot);
      double legendWidth = Math.max(260, Math.min(460, 60.0 * columns.size()));
      NumberAxis scale = new NumberAxis(legendLabel);
      scale.setTickUnit(
          new NumberTickUnit(
              niceStep(palette.getUpperBound() - palette.getLowerBound(), (int) (legendWidth / 55)),
              format(palette.getLowerBound() < 0 ? "+0.0#;−0.0#" : "0.##")));
      axisStyle(scale);
      scale.setTickLabelFont(SMALL);
      PaintScaleLegend legend = new PaintScaleLegend(palette, scale);
      legend.setPosition(RectangleEdge.TOP);
      legend.setStripWidth(12);
      legend.setStripOutlineVisible(true);
      legend.setStripOutlinePaint(AXIS);
      legend.setSubdivisionCount(64);
      legend.setMargin(new RectangleInsets(4, 16, 12, 16));
      legend.setPadding(RectangleInsets.ZERO_INSETS);
      legend.setBackgroundPaint(Color.WHITE);
      legend.setWidth(legendWidth);
      chart.addSubtitle(legend);
      int width = 40 + (int) (CHAR * longest(rows)) + 62 * columns.size();
      int height = 100 + 34 * rows.size() + 24 + (int) (CHAR * longest(columns));
      return Charts.svg(chart, id, title, width, height);
    }
  }

  /** One row of a forest plot: a point estimate, its interval (NaN: none) and the dot's colour. */
  record Interval(String label, double estimate, double low, double high, Color color) {}

  /**
   * A forest plot: one row per interval, top to bottom in list order, a dot at the estimate and a
   * thin bar over the interval, on a value axis from {@code lower} to {@code upper} (ticks every
   * {@code tick}, signed) with a line at 0. Dots are filled with the interval's colour and outlined
   * in dark ink, so white dots show. Long labels wrap onto two lines.
   */
  record Forest(
      String id,
      String title,
      List<Interval> items,
      String valueLabel,
      double lower,
      double upper,
      double tick,
      int width) {

    String svg() {
      Comparable<?>[] labels = items.stream().map(Interval::label).toArray(Comparable[]::new);
      Number[][] lows = new Number[1][items.size()];
      Number[][] highs = new Number[1][items.size()];
      DefaultCategoryDataset points = new DefaultCategoryDataset();
      for (int i = 0; i < items.size(); i++) {
        Interval it = items.get(i);
        boolean hasCi = Double.isFinite(it.low()) && Double.isFinite(it.high());
        lows[0][i] = hasCi ? it.low() : null;
        highs[0][i] = hasCi ? it.high() : null;
        points.addValue(
            Double.isFinite(it.estimate()) ? it.estimate() : null, "estimate", it.label());
      }
      DefaultIntervalCategoryDataset intervals =
          new DefaultIntervalCategoryDataset(new Comparable<?>[] {"interval"}, labels, lows, highs);
      IntervalBarRenderer bars = new IntervalBarRenderer();
      bars.setBarPainter(new StandardBarPainter());
      bars.setShadowVisible(false);
      bars.setSeriesPaint(0, INTERVAL);
      bars.setMaximumBarWidth(5.0 / (ROW * Math.max(1, items.size())));
      bars.setDrawBarOutline(false);
      List<Color> colors = items.stream().map(Interval::color).toList();
      LineAndShapeRenderer dots =
          new LineAndShapeRenderer(false, true) {
            @Override
            public Paint getItemPaint(int row, int column) {
              return colors.get(column);
            }
          };
      dots.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));
      dots.setUseOutlinePaint(true);
      dots.setDrawOutlines(true);
      dots.setSeriesOutlinePaint(0, Palette.INK);
      dots.setSeriesOutlineStroke(0, new BasicStroke(1.2f));
      CategoryAxis cats = categories(0.42f);
      cats.setMaximumCategoryLabelLines(2);
      cats.setAxisLineVisible(false);
      cats.setLowerMargin(0.5 / Math.max(1, items.size()));
      cats.setUpperMargin(0.5 / Math.max(1, items.size()));
      cats.setCategoryMargin(0.0);
      NumberAxis value = new NumberAxis(valueLabel);
      value.setRange(lower, upper);
      value.setTickUnit(new NumberTickUnit(tick, format("+0.0#;−0.0#")));
      axisStyle(value);
      CategoryPlot plot = new CategoryPlot(intervals, cats, value, bars);
      plot.setDataset(1, points);
      plot.setRenderer(1, dots);
      plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
      plot.setOrientation(PlotOrientation.HORIZONTAL);
      plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
      ValueMarker zero = new ValueMarker(0.0);
      zero.setPaint(new Color(0x33, 0x3B, 0x45));
      zero.setStroke(new BasicStroke(1.2f));
      plot.addRangeMarker(zero);
      style(plot);
      return Charts.svg(chart(plot), id, title, width, 70 + ROW * items.size());
    }
  }

  /** One bar: its label and length. */
  record Bar(String label, double value) {}

  /**
   * Horizontal bars, top to bottom in list order, each labelled with its value (1 decimal), on a
   * value axis from min(0, smallest value) to at least {@code axisMax}.
   */
  record Bars(
      String id,
      String title,
      List<Bar> items,
      String valueLabel,
      Color color,
      double axisMax,
      int width) {

    String svg() {
      DefaultCategoryDataset data = new DefaultCategoryDataset();
      double max = 0;
      double min = 0;
      for (Bar b : items) {
        data.addValue(b.value(), "value", b.label());
        max = Math.max(max, b.value());
        min = Math.min(min, b.value());
      }
      BarRenderer renderer = new BarRenderer();
      renderer.setBarPainter(new StandardBarPainter());
      renderer.setShadowVisible(false);
      renderer.setSeriesPaint(0, color);
      renderer.setDrawBarOutline(false);
      renderer.setDefaultItemLabelGenerator(
          new StandardCategoryItemLabelGenerator("{2}", format("0.0")));
      renderer.setDefaultItemLabelsVisible(true);
      renderer.setDefaultItemLabelFont(SMALL);
      renderer.setDefaultItemLabelPaint(Palette.INK);
      renderer.setDefaultPositiveItemLabelPosition(
          new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
      renderer.setItemLabelAnchorOffset(4);
      CategoryAxis cats = categories(0.4f);
      cats.setLowerMargin(0.02);
      cats.setUpperMargin(0.02);
      cats.setCategoryMargin(0.25);
      NumberAxis value = new NumberAxis(valueLabel);
      value.setRange(Math.min(0, min * 1.15), Math.max(Math.max(axisMax, max * 1.15), 1e-9));
      axisStyle(value);
      CategoryPlot plot = new CategoryPlot(data, cats, value, renderer);
      plot.setOrientation(PlotOrientation.HORIZONTAL);
      plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
      style(plot);
      return Charts.svg(chart(plot), id, title, width, 70 + BAR_ROW * items.size());
    }
  }

  /**
   * Vertical bars stacked by series, one stack per category (left to right in list order): {@code
   * values[s][c]} is series {@code s}'s part of category {@code c} (0: nothing), filled with {@code
   * colors.get(s)}; a legend of the series below. Category labels turn upright when there are more
   * than {@value #UPRIGHT_AFTER} categories.
   */
  @SuppressWarnings(
      "ArrayRecordComponent") // built once per chart and drawn; never compared or hashed
  record StackedBars(
      String id,
      String title,
      List<String> categories,
      List<String> series,
      double[][] values,
      List<Color> colors,
      String valueLabel) {

    String svg() {
      DefaultCategoryDataset data = new DefaultCategoryDataset();
      double max = 0;
      for (int c = 0; c < categories.size(); c++) {
        double total = 0;
        for (int s = 0; s < series.size(); s++) {
          data.addValue(values[s][c], series.get(s), categories.get(c));
          total += values[s][c];
        }
        max = Math.max(max, total);
      }
      StackedBarRenderer renderer = new StackedBarRenderer();
      renderer.setBarPainter(new StandardBarPainter());
      renderer.setShadowVisible(false);
      renderer.setDrawBarOutline(false);
      for (int s = 0; s < series.size(); s++) {
        renderer.setSeriesPaint(s, colors.get(s));
      }
      renderer.setMaximumBarWidth(0.08);
      CategoryAxis cats = timeCategories(categories.size());
      NumberAxis value = new NumberAxis(valueLabel);
      value.setRange(0, Math.max(1, Math.ceil(max * 1.1)));
      value.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      axisStyle(value);
      CategoryPlot plot = new CategoryPlot(data, cats, value, renderer);
      plot.setOrientation(PlotOrientation.VERTICAL);
      style(plot);
      plot.setDomainGridlinesVisible(false);
      return Charts.svg(
          legend(chart(plot)),
          id,
          title,
          timeWidth(categories.size()),
          timeHeight(categories, series));
    }
  }

  /**
   * Lines with a dot at each value, one line per series over evenly spaced categories (left to
   * right in list order): {@code values[s][c]} is series {@code s} at category {@code c}, null for
   * none (no dot; the line joins the values either side); on a value axis from {@code lower} to
   * {@code upper} (ticks every {@code tick}, signed) with a line at 0; a legend of the series
   * below.
   */
  @SuppressWarnings(
      "ArrayRecordComponent") // built once per chart and drawn; never compared or hashed
  record Lines(
      String id,
      String title,
      List<String> categories,
      List<String> series,
      Double[][] values,
      List<Color> colors,
      String valueLabel,
      double lower,
      double upper,
      double tick) {

    String svg() {
      XYSeriesCollection data = new XYSeriesCollection();
      XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
      for (int s = 0; s < series.size(); s++) {
        // keyed by position: two series may share a label
        XYSeries line = new XYSeries(s, false, false);
        for (int c = 0; c < categories.size(); c++) {
          if (values[s][c] != null) {
            line.add(c, values[s][c]);
          }
        }
        data.addSeries(line);
        renderer.setSeriesPaint(s, colors.get(s));
        renderer.setSeriesStroke(s, new BasicStroke(2f));
        renderer.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
      }
      renderer.setLegendItemLabelGenerator((d, s) -> series.get(s));
      SymbolAxis days = symbols(categories);
      days.setAxisLineVisible(true);
      days.setAxisLinePaint(AXIS);
      days.setVerticalTickLabels(categories.size() > UPRIGHT_AFTER);
      days.setRange(-0.5, categories.size() - 0.5);
      NumberAxis value = new NumberAxis(valueLabel);
      value.setRange(lower, upper);
      value.setTickUnit(new NumberTickUnit(tick, format("+0.0#;−0.0#")));
      axisStyle(value);
      XYPlot plot = new XYPlot(data, days, value, renderer);
      ValueMarker zero = new ValueMarker(0.0);
      zero.setPaint(new Color(0x33, 0x3B, 0x45));
      zero.setStroke(new BasicStroke(1.2f));
      plot.addRangeMarker(zero);
      plot.setBackgroundPaint(Color.WHITE);
      plot.setOutlineVisible(false);
      plot.setRangeGridlinePaint(GRID);
      plot.setRangeGridlineStroke(new BasicStroke(0.8f));
      plot.setDomainGridlinesVisible(false);
      plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
      return Charts.svg(
          legend(chart(plot)),
          id,
          title,
          timeWidth(categories.size()),
          timeHeight(categories, series));
    }
  }

  /** Categories past which the labels of a chart over days stand upright. */
  private static final int UPRIGHT_AFTER = 7;

  /** A category axis of days: labels upright when there are many. */
  private static CategoryAxis timeCategories(int n) {
    CategoryAxis cats = categories(1f);
    cats.setLowerMargin(0.02);
    cats.setUpperMargin(0.02);
    cats.setCategoryMargin(0.2);
    if (n > UPRIGHT_AFTER) {
      cats.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    }
    return cats;
  }

  private static int timeWidth(int categories) {
    return Math.max(520, Math.min(1100, 120 + 34 * categories));
  }

  private static int timeHeight(List<String> categories, List<String> series) {
    int labels = categories.size() > UPRIGHT_AFTER ? (int) (CHAR * longest(categories)) : 16;
    int legendRows = 1 + series.stream().mapToInt(String::length).sum() / 70;
    return 260 + labels + 20 * legendRows;
  }

  /** The chart with a legend of its series below the plot. */
  private static JFreeChart legend(JFreeChart chart) {
    LegendTitle legend = new LegendTitle(chart.getPlot());
    legend.setItemFont(SMALL);
    legend.setItemPaint(Palette.INK);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setMargin(new RectangleInsets(8, 0, 0, 0));
    chart.addSubtitle(legend);
    return chart;
  }

  private static CategoryAxis categories(float maxLabelWidthRatio) {
    CategoryAxis cats = new CategoryAxis(null);
    cats.setTickLabelFont(TICK);
    cats.setTickLabelPaint(Palette.INK);
    cats.setTickMarksVisible(false);
    cats.setMaximumCategoryLabelWidthRatio(maxLabelWidthRatio);
    return cats;
  }

  private static void axisStyle(NumberAxis value) {
    value.setLabelFont(TICK);
    value.setLabelPaint(Palette.INK);
    value.setTickLabelFont(TICK);
    value.setTickLabelPaint(AXIS);
    value.setAxisLinePaint(AXIS);
    value.setTickMarkPaint(AXIS);
  }

  private static void style(CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(0.8f));
    plot.setDomainGridlinesVisible(true);
    plot.setDomainGridlinePaint(new Color(0xEE, 0xF0, 0xF3));
    plot.setDomainGridlineStroke(new BasicStroke(0.8f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
  }

  private static SymbolAxis symbols(List<String> labels) {
    SymbolAxis a = new SymbolAxis(null, labels.toArray(new String[0]));
    a.setGridBandsVisible(false);
    a.setTickLabelFont(TICK);
    a.setTickLabelPaint(Palette.INK);
    a.setTickMarksVisible(false);
    a.setAxisLineVisible(false);
    a.setRange(-0.5, labels.size() - 0.5);
    return a;
  }

  /**
   * The smallest step of 1, 2, 2.5 or 5 times a power of ten giving at most {@code ticks} steps.
   */
  static double niceStep(double range, int ticks) {
    double raw = range / Math.max(1, ticks);
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5}) {
      if (m * magnitude >= raw * (1 - 1e-9)) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static DecimalFormat format(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  private static int longest(List<String> labels) {
    return Math.min(40, labels.stream().mapToInt(String::length).max().orElse(0));
  }

  private static JFreeChart chart(Plot plot) {
    JFreeChart chart = new JFreeChart(null, TICK, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setBorderVisible(false);
    chart.setPadding(new RectangleInsets(6, 6, 6, 14));
    return chart;
  }

  /** The chart as an {@code <svg>} element of the given size, with role img and a title. */
  static String svg(JFreeChart chart, String id, String title, int width, int height) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix(id + "-");
    g2.setGeomDoubleConverter(SVGUtils.createDoubleConverter(1));
    g2.setTransformDoubleConverter(SVGUtils.createDoubleConverter(3));
    chart.draw(g2, new Rectangle(0, 0, width, height));
    String svg = g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    int open = svg.indexOf('>');
    return svg.substring(0, open)
        + " role=\"img\" aria-label=\""
        + Html.escape(title)
        + "\">"
        + "<title>"
        + Html.escape(title)
        + "</title>"
        + svg.substring(open + 1);
  }
}
