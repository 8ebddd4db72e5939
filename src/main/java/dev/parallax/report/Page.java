package dev.parallax.report;

/**
 * The document being written, the settings its text quotes, and the charts in it, numbered {@code
 * c1}, {@code c2}, … in document order (their SVG ids start with that number).
 *
 * @see HtmlReport
 */
final class Page {
  final HtmlBuilder html = new HtmlBuilder();

  /** Interval coverage the tables were computed with, in (0, 1). */
  final double confidence;

  /** The q-value threshold of {@code significant}. */
  final double fdr;

  private int charts;

  Page(double confidence, double fdr) {
    this.confidence = confidence;
    this.fdr = fdr;
  }

  /** The id the next chart must be drawn with. */
  String nextChartId() {
    return "c" + (charts + 1);
  }

  /** A chart drawn with {@link #nextChartId()}, as a figure of kind {@code kind}. */
  void chart(String kind, String svg) {
    charts++;
    html.open("figure", "class", "chart", "data-chart", kind).markup(svg).close("figure").nl();
  }
}
