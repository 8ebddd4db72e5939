package dev.parallax.report;

/**
 * One section of report.html. {@link HtmlReport} writes the frame every section shares (a {@code
 * <section>} with its anchor, the heading and the "how to read this" box); the section writes what
 * comes after it.
 */
interface Section {
  /** The section's kind, its {@code data-section} value and (after the story prefix) its anchor. */
  String key();

  /** The link text in the page's table of contents. */
  String nav();

  /** The {@code <h2>} text. */
  String heading();

  /**
   * The "how to read this" text, as authored markup ({@code <b>}, {@code <i>}, {@code <code>}):
   * constant prose and numbers only, never corpus text.
   */
  String howTo(Page page);

  /** The section's content: charts, their tables, notes. */
  void body(Page page);
}
