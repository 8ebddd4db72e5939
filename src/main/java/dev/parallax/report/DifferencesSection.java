package dev.parallax.report;

import static dev.parallax.report.Blocks.dbl;
import static dev.parallax.report.Blocks.finiteOr;
import static dev.parallax.report.Blocks.fmt;
import static dev.parallax.report.Blocks.lng;
import static dev.parallax.report.Blocks.pct;

import dev.parallax.report.Blocks.Cell;
import dev.parallax.warehouse.schema.StanceDifferenceColumns;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Where sources differ in tone: the story's significant stance differences over all sentences
 * (voice {@code all}), largest first (at most {@value HtmlReport#TOP_DIFFERENCES}), or when none is
 * significant the {@value HtmlReport#TOP_NOT_SIGNIFICANT} largest, marked so; as a sorted interval
 * chart and its table. Then, when the story has sentences in the writers' own words, the same
 * selection of the differences in voice {@code authorial} as a table, each beside the pair's
 * difference over all sentences. Each difference is turned so the more positive source comes first.
 */
record DifferencesSection(Story st) implements Section {
  private static final Color SIGNIFICANT = new Color(0x1B, 0x6F, 0x8A);
  private static final Color NOT_SIGNIFICANT = new Color(0xC9, 0xCF, 0xD6);

  @Override
  public String key() {
    return "differences";
  }

  @Override
  public String nav() {
    return "Differences";
  }

  @Override
  public String heading() {
    return "Where sources differ in tone";
  }

  @Override
  public String howTo(Page page) {
    return "Each row compares two sources on one theme (\"All sentences\" compares them "
        + "overall). The value is the <b>difference in mean tone</b>, shown as the more positive "
        + "source minus the less positive one, so it is never negative; the bar is its "
        + pct(page.confidence)
        + " bootstrap <b>CI</b>, and a bar that stays clear of 0 points to "
        + "a real difference. <b>p</b> is a permutation-test p-value; <b>q</b> corrects it for "
        + "the many pairs and themes compared at once (Benjamini–Hochberg): a difference counts "
        + "as <b>significant</b> when q &lt; "
        + fmt(page.fdr)
        + ", which keeps the expected "
        + "share of false findings among them at "
        + pct(page.fdr)
        + ". <b>d</b> is Cohen's "
        + "effect size (0.2 small, 0.5 medium, 0.8 large). Only sentences with a tone are "
        + "compared (<b>sentences</b> counts them); a source whose language has no tone lexicon "
        + "is in no pair. These are over all sentences; the table <i>In the writers' own "
        + "words</i> repeats the comparison on the sentences in each writer's own voice "
        + "(quotations and reported speech left out), its q adjusted within that voice: a "
        + "difference that holds there is the outlets' own, not only whom they quote.";
  }

  @Override
  public void body(Page page) {
    HtmlBuilder h = page.html;
    List<Diff> diffs = diffs(st.differences);
    List<Diff> significant = diffs.stream().filter(Diff::significant).toList();
    boolean none = significant.isEmpty();
    List<Diff> shown = shown(diffs);
    if (shown.isEmpty()) {
      Blocks.paragraph(
          h, "empty", "No two sources with a tone share a theme, so there is nothing to compare.");
    } else {
      String title;
      if (none) {
        title =
            "No significant difference (q < "
                + fmt(page.fdr)
                + "): the "
                + shown.size()
                + " largest differences, all not significant";
      } else {
        title =
            (significant.size() > shown.size()
                    ? "The " + shown.size() + " largest of " + significant.size()
                    : "All " + significant.size())
                + " significant tone "
                + (significant.size() == 1 ? "difference" : "differences")
                + " (q < "
                + fmt(page.fdr)
                + ")";
      }
      h.element("h3", title).nl();
      Blocks.paragraph(
          h,
          "note",
          Html.count(diffs.size())
              + " source pairs × themes compared; "
              + Html.count(significant.size())
              + " significant."
              + (none ? " Grey dots: not significant." : ""));
      h.open("div", "class", "figure wide").nl();
      List<Charts.Interval> items = new ArrayList<>();
      double lo = 0;
      double hi = 0;
      for (Diff d : shown) {
        items.add(
            new Charts.Interval(
                d.label(), d.diff, d.low, d.high, d.significant ? SIGNIFICANT : NOT_SIGNIFICANT));
        lo = Math.min(lo, finiteOr(d.low, d.diff));
        hi = Math.max(hi, finiteOr(d.high, d.diff));
      }
      double[] range = Blocks.padded(lo, hi);
      page.chart(
          "differences",
          new Charts.Forest(
                  page.nextChartId(),
                  title,
                  items,
                  "difference in mean tone (more positive − less positive source), with "
                      + pct(page.confidence)
                      + " CI",
                  range[0],
                  range[1],
                  Blocks.tick(range),
                  1100)
              .svg());
      table(page, "differences", shown, null);
      h.close("div").nl();
    }
    if (st.hasAuthorial()) {
      ownWords(page, diffs);
    }
  }

  /**
   * The differences in the writers' own words (voice authorial), as a table without a chart: the
   * significant ones, else the largest, each beside the same pair's difference over all sentences.
   */
  private void ownWords(Page page, List<Diff> all) {
    HtmlBuilder h = page.html;
    List<Diff> diffs = diffs(st.authorialDifferences);
    List<Diff> significant = diffs.stream().filter(Diff::significant).toList();
    List<Diff> shown = shown(diffs);
    String head = "In the writers' own words";
    if (shown.isEmpty()) {
      h.element("h3", head).nl();
      Blocks.paragraph(
          h,
          "empty",
          "No two sources with a tone in their own words share a theme, so there is nothing to "
              + "compare.");
      return;
    }
    h.element(
            "h3",
            head
                + ": "
                + (significant.isEmpty()
                    ? "no significant difference (q < "
                        + fmt(page.fdr)
                        + "); the "
                        + shown.size()
                        + " largest, all not significant"
                    : (significant.size() > shown.size()
                            ? "the " + shown.size() + " largest of " + significant.size()
                            : "all " + significant.size())
                        + " significant "
                        + (significant.size() == 1 ? "difference" : "differences")
                        + " (q < "
                        + fmt(page.fdr)
                        + ")"))
        .nl();
    Blocks.paragraph(
        h,
        "note",
        "Only the sentences in each writer's own voice, scored on their words outside quotation "
            + "marks: whether the sources differ when quotes are left out. "
            + Html.count(diffs.size())
            + " source pairs × themes compared; "
            + Html.count(significant.size())
            + " significant (q adjusted within this voice). The last column but one is the "
            + "same pair's difference over all sentences, in the same direction.");
    Map<String, Diff> byPair = new HashMap<>();
    for (Diff d : all) {
      byPair.put(d.pairKey(), d);
    }
    table(page, "differences-authorial", shown, byPair);
  }

  /** The rows' differences, turned, largest first (ties by label); rows without one left out. */
  private List<Diff> diffs(List<Row> rows) {
    List<Diff> diffs = new ArrayList<>();
    for (Row r : rows) {
      Diff d = Diff.of(r, st);
      if (d != null) {
        diffs.add(d);
      }
    }
    diffs.sort(Comparator.comparingDouble((Diff d) -> -d.diff).thenComparing(Diff::label));
    return diffs;
  }

  /** The significant differences (at most a limit), else the largest few. */
  private static List<Diff> shown(List<Diff> diffs) {
    List<Diff> significant = diffs.stream().filter(Diff::significant).toList();
    boolean none = significant.isEmpty();
    return (none ? diffs : significant)
        .stream()
            .limit(none ? HtmlReport.TOP_NOT_SIGNIFICANT : HtmlReport.TOP_DIFFERENCES)
            .toList();
  }

  /**
   * The table of differences; with {@code overall} (pair key to the difference over all sentences)
   * a column beside the difference gives that pair's overall difference in the row's direction.
   */
  private static void table(Page page, String name, List<Diff> shown, Map<String, Diff> overall) {
    List<Cell[]> rows = new ArrayList<>();
    for (Diff d : shown) {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.text(d.theme));
      row.add(Blocks.source(d.warmer, d.languageWarmer));
      row.add(Cell.text(Html.signed(d.toneWarmer, 3)));
      row.add(Blocks.source(d.cooler, d.languageCooler));
      row.add(Cell.text(Html.signed(d.toneCooler, 3)));
      row.add(Cell.text(Html.num(d.diff, 3)));
      row.add(Cell.text("[" + Html.signed(d.low, 3) + ", " + Html.signed(d.high, 3) + "]"));
      row.add(Cell.text(Blocks.pValue(d.p)));
      row.add(Cell.text(Blocks.pValue(d.q)));
      row.add(Cell.text(Html.num(d.effect, 2)));
      row.add(Cell.text(d.nWarmer + " / " + d.nCooler));
      if (overall != null) {
        Diff o = overall.get(d.pairKey());
        row.add(
            Cell.text(
                o == null
                    ? "–"
                    : Html.signed(o.warmer.equals(d.warmer) ? o.diff : -o.diff, 3)
                        + (o.significant ? "" : " (n.s.)")));
      }
      row.add(
          Cell.text(
              (d.significant ? "significant" : "not significant")
                  + (d.small ? ", small sample" : "")));
      rows.add(row.toArray(new Cell[0]));
    }
    List<String> head =
        new ArrayList<>(
            List.of(
                "theme",
                "more positive source",
                "its tone",
                "less positive source",
                "its tone",
                "difference",
                pct(page.confidence) + " CI",
                "p",
                "q",
                "d",
                "sentences"));
    if (overall != null) {
      head.add("all sentences");
    }
    head.add("note");
    Blocks.table(page.html, name, head, overall == null ? "tknknnnnnnnt" : "tknknnnnnnnnt", rows);
  }

  /** A stance difference turned so that the first source is the more positive one. */
  private record Diff(
      String theme,
      String warmer,
      String cooler,
      String languageWarmer,
      String languageCooler,
      double toneWarmer,
      double toneCooler,
      double diff,
      double low,
      double high,
      double p,
      double q,
      double effect,
      long nWarmer,
      long nCooler,
      boolean significant,
      boolean small) {

    /** The row's difference, turned; null when it has no difference (NaN). */
    static Diff of(Row r, Story st) {
      double d = dbl(r, StanceDifferenceColumns.TONE_DIFF);
      if (Double.isNaN(d)) {
        return null;
      }
      String theme = st.label(r.getAs(StanceDifferenceColumns.THEME));
      boolean flip = d < 0;
      String a = r.getAs(StanceDifferenceColumns.SOURCE_A);
      String b = r.getAs(StanceDifferenceColumns.SOURCE_B);
      double toneA = dbl(r, StanceDifferenceColumns.TONE_MEAN_A);
      double toneB = dbl(r, StanceDifferenceColumns.TONE_MEAN_B);
      String languageA = Blocks.str(r, StanceDifferenceColumns.LANGUAGE_A);
      String languageB = Blocks.str(r, StanceDifferenceColumns.LANGUAGE_B);
      boolean toned =
          r.schema() != null
              && java.util.Arrays.asList(r.schema().fieldNames())
                  .contains(StanceDifferenceColumns.TONED_SENTENCES_A);
      long nA =
          lng(
              r,
              toned
                  ? StanceDifferenceColumns.TONED_SENTENCES_A
                  : StanceDifferenceColumns.SENTENCES_A);
      long nB =
          lng(
              r,
              toned
                  ? StanceDifferenceColumns.TONED_SENTENCES_B
                  : StanceDifferenceColumns.SENTENCES_B);
      double lo = dbl(r, StanceDifferenceColumns.CI_LOW);
      double hi = dbl(r, StanceDifferenceColumns.CI_HIGH);
      return new Diff(
          theme,
          flip ? b : a,
          flip ? a : b,
          flip ? languageB : languageA,
          flip ? languageA : languageB,
          flip ? toneB : toneA,
          flip ? toneA : toneB,
          Math.abs(d),
          flip ? -hi : lo,
          flip ? -lo : hi,
          dbl(r, StanceDifferenceColumns.P_VALUE),
          dbl(r, StanceDifferenceColumns.Q_VALUE),
          Math.abs(dbl(r, StanceDifferenceColumns.EFFECT_SIZE)),
          flip ? nB : nA,
          flip ? nA : nB,
          Boolean.TRUE.equals(r.getAs(StanceDifferenceColumns.SIGNIFICANT)),
          Boolean.TRUE.equals(r.getAs(StanceDifferenceColumns.SMALL_SAMPLE)));
    }

    String label() {
      return theme + ": " + warmer + " vs " + cooler;
    }

    /** Theme and the two sources in name order: the same for both voices of a pair. */
    String pairKey() {
      return warmer.compareTo(cooler) < 0
          ? theme + "\u0000" + warmer + "\u0000" + cooler
          : theme + "\u0000" + cooler + "\u0000" + warmer;
    }
  }
}
