package dev.parallax.report;

import static dev.parallax.report.Blocks.dbl;
import static dev.parallax.report.Blocks.finiteOr;
import static dev.parallax.report.Blocks.lng;

import dev.parallax.report.Blocks.Cell;
import dev.parallax.warehouse.schema.DistinctiveTermsColumns;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Words that set each source apart: per source and language (a source writing in two languages is
 * ranked once in each) a bar chart of its {@value HtmlReport#TOP_TERMS} most distinctive terms by
 * z-score, every chart on the same scale, with the counts and log-odds in a table.
 */
record TermsSection(Story st) implements Section {
  private static final Color TERM_BAR = new Color(0x4A, 0x78, 0xA8);

  @Override
  public String key() {
    return "terms";
  }

  @Override
  public String nav() {
    return "Distinctive terms";
  }

  @Override
  public String heading() {
    return "Words that set each source apart";
  }

  @Override
  public String howTo(Page page) {
    return "The words and two-word phrases each source uses more than the other sources of "
        + "the story, ranked by <b>z</b>: the z-score of the weighted log-odds ratio with an "
        + "informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, \"Fightin' Words\"), "
        + "which discounts rare words. z above about 2 is unlikely to be chance; larger is more "
        + "distinctive. Counts are occurrences in this source and in the other sources of its "
        + "language: each source is compared only with the sources of the story that write in the "
        + "same language, and a source alone in its language has no list.";
  }

  @Override
  public void body(Page page) {
    HtmlBuilder h = page.html;
    // by source, then language: the table ranks each (source, language) part on its own
    Map<List<String>, List<Row>> bySource =
        new TreeMap<>(
            Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1), Comparator.nullsFirst(Comparator.naturalOrder())));
    for (Row r : st.terms) {
      bySource
          .computeIfAbsent(
              java.util.Arrays.asList(
                  r.<String>getAs(DistinctiveTermsColumns.SOURCE),
                  r.<String>getAs(DistinctiveTermsColumns.LANGUAGE)),
              k -> new ArrayList<>())
          .add(r);
    }
    if (bySource.isEmpty()) {
      Blocks.paragraph(
          h,
          "empty",
          "No source has terms to rank: none is frequent enough, or each source is alone in its"
              + " language.");
      return;
    }
    Map<List<String>, List<Row>> tops = new java.util.LinkedHashMap<>();
    double axisMax = 0;
    for (Map.Entry<List<String>, List<Row>> e : bySource.entrySet()) {
      List<Row> top =
          e.getValue().stream()
              .sorted(Comparator.comparingLong((Row r) -> lng(r, DistinctiveTermsColumns.RANK)))
              .limit(HtmlReport.TOP_TERMS)
              .toList();
      tops.put(e.getKey(), top);
      for (Row r : top) {
        axisMax = Math.max(axisMax, finiteOr(dbl(r, DistinctiveTermsColumns.Z_SCORE), 0));
      }
    }
    Blocks.paragraph(h, "note", "Same scale in every chart.");
    h.open("div", "class", "grid").nl();
    for (Map.Entry<List<String>, List<Row>> e : tops.entrySet()) {
      List<Row> top = e.getValue();
      String source = e.getKey().get(0);
      String language = e.getKey().get(1);
      h.open("div", "class", "card").nl().element("h4", Story.named(source, language)).nl();
      page.chart(
          "terms",
          new Charts.Bars(
                  page.nextChartId(),
                  "Most distinctive terms of " + source,
                  top.stream()
                      .map(
                          r ->
                              new Charts.Bar(
                                  r.getAs(DistinctiveTermsColumns.TERM),
                                  dbl(r, DistinctiveTermsColumns.Z_SCORE)))
                      .toList(),
                  "z-score (log-odds against the other sources)",
                  TERM_BAR,
                  axisMax * 1.15,
                  560)
              .svg());
      List<Cell[]> rows = new ArrayList<>();
      for (Row r : top) {
        rows.add(
            new Cell[] {
              Cell.text(String.valueOf(lng(r, DistinctiveTermsColumns.RANK))),
              Cell.text(r.getAs(DistinctiveTermsColumns.TERM)),
              Cell.text(Html.count(lng(r, DistinctiveTermsColumns.COUNT_SOURCE))),
              Cell.text(Html.count(lng(r, DistinctiveTermsColumns.COUNT_REST))),
              Cell.text(Html.num(dbl(r, DistinctiveTermsColumns.LOG_ODDS), 2)),
              Cell.text(Html.num(dbl(r, DistinctiveTermsColumns.Z_SCORE), 2))
            });
      }
      Blocks.table(
          h,
          "terms",
          List.of("rank", "term", "count here", "count elsewhere", "log-odds", "z"),
          "nknnnn",
          rows);
      h.close("div").nl();
    }
    h.close("div").nl();
  }
}
