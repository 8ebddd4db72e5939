package dev.parallax.report;

import static dev.parallax.report.Blocks.dbl;
import static dev.parallax.report.Blocks.finiteOr;
import static dev.parallax.report.Blocks.lng;
import static dev.parallax.report.Blocks.pct;

import dev.parallax.report.Blocks.Cell;
import dev.parallax.warehouse.schema.StanceBySourceColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Tone of each source: the mean tone of all its sentences ({@code _all}, voice {@code all}) with
 * its confidence interval and, beside it, the mean tone of its sentences in the writer's own words
 * (voice {@code authorial}) with theirs, so a reader sees where quoting moves a source's tone; then
 * a source × theme tone heatmap and one small-multiple interval chart per story theme on a shared
 * scale (voice {@code all}); every chart with its numbers beside it. Only rows with a tone are
 * drawn: a source whose language has no tone lexicon is named below the first chart as not scored,
 * with its sentence count.
 */
record ToneSection(Story st) implements Section {

  @Override
  public String key() {
    return "tone";
  }

  @Override
  public String nav() {
    return "Tone";
  }

  @Override
  public String heading() {
    return "Tone of each source";
  }

  @Override
  public String howTo(Page page) {
    return "<b>Tone</b> is the mean sentence tone, from −1 (most negative) through 0 (neutral) "
        + "to +1 (most positive), scored with a VADER-style lexicon plus a news-and-diplomacy "
        + "lexicon. The dot is the mean, coloured red (negative) – white (neutral) – blue "
        + "(positive); the grey bar is its <b>"
        + pct(page.confidence)
        + " confidence interval</b> "
        + "(CI, a bootstrap): the range of means the data are compatible with. Bars that overlap "
        + "a lot mean the sources may not really differ: the next section tests that. "
        + "<b>n</b> is the number of sentences with a tone (a language without a tone lexicon "
        + "has none, and its sources are listed as not scored); values marked <i>small sample</i> "
        + "(in brackets in "
        + "the heatmap) rest on fewer sentences than <code>compare.min_sentences</code> and "
        + "deserve caution. <b>All sentences</b> counts every sentence, quotations included, so it "
        + "partly measures whom a source quotes; <b>own words</b> keeps only the sentences in the "
        + "writer's own voice, scored on their words outside quotation marks (quoted and "
        + "reported speech left out). When the two differ, quoting moves the source's tone; "
        + "the difference is descriptive (the own words are part of all sentences, so no test "
        + "is made). The heatmap and the charts per theme use all sentences.";
  }

  @Override
  public void body(Page page) {
    HtmlBuilder h = page.html;
    List<Row> all = scored(st.stance(ThemeIds.ALL));
    String unscored = unscored(st.stance(ThemeIds.ALL));
    if (all.isEmpty()) {
      Blocks.paragraph(
          h,
          "empty",
          unscored.isEmpty()
              ? "No tone rows for this story."
              : "No source of this story is scored for tone. " + unscored);
      return;
    }
    boolean voices = st.hasAuthorial();
    String title =
        voices
            ? "Mean tone by source: all sentences and the writer's own words"
            : "Mean tone of all sentences, by source";
    h.element("h3", title).nl().open("div", "class", "figure").nl();
    List<Row> drawn = new ArrayList<>(all);
    if (voices) {
      for (Row r : all) {
        Row own = ownWords(r);
        if (own != null && !Double.isNaN(dbl(own, StanceBySourceColumns.TONE_MEAN))) {
          drawn.add(own);
        }
      }
    }
    double[] range = ciRange(drawn);
    page.chart(
        "tone-all",
        new Charts.Forest(
                page.nextChartId(),
                title,
                voices ? intervalsWithOwnWords(all) : intervals(all),
                "mean sentence tone (−1 negative … +1 positive), with "
                    + pct(page.confidence)
                    + " CI",
                range[0],
                range[1],
                Blocks.tick(range),
                640)
            .svg());
    if (voices) {
      voicesTable(h, all);
    } else {
      toneTable(h, "tone-all", all);
    }
    h.close("div").nl();
    if (!unscored.isEmpty()) {
      Blocks.paragraph(h, "note", "Not scored for tone: " + unscored);
    }

    List<String> themes =
        st.themes.stream().filter(th -> !scored(st.stance(th)).isEmpty()).toList();
    if (themes.isEmpty()) {
      return;
    }
    heatmap(page, themes);
    smallMultiples(page, themes);
  }

  private void heatmap(Page page, List<String> themes) {
    HtmlBuilder h = page.html;
    String title = "Mean tone by source and theme";
    h.element("h3", title).nl().open("div", "class", "figure wide").nl();
    List<String> sources =
        scored(st.stance(ThemeIds.ALL)).stream()
            .map(r -> r.<String>getAs(StanceBySourceColumns.SOURCE))
            .sorted()
            .toList();
    double[][] values = new double[sources.size()][themes.size()];
    String[][] text = new String[sources.size()][themes.size()];
    List<Cell[]> rows = new ArrayList<>();
    for (int r = 0; r < sources.size(); r++) {
      Cell[] row = new Cell[themes.size() + 1];
      row[0] = st.source(sources.get(r));
      for (int c = 0; c < themes.size(); c++) {
        Row s = st.stance(sources.get(r), themes.get(c));
        double v = s == null ? Double.NaN : dbl(s, StanceBySourceColumns.TONE_MEAN);
        values[r][c] = v;
        boolean small =
            s != null && Boolean.TRUE.equals(s.getAs(StanceBySourceColumns.SMALL_SAMPLE));
        String shown = Html.signed(v, 2);
        text[r][c] = Double.isNaN(v) ? "–" : small ? "(" + shown + ")" : shown;
        row[c + 1] =
            Blocks.heat(
                v,
                st.tone,
                s == null
                    ? Cell.text("–")
                    : Cell.text(shown + " ")
                        .then(Cell.element("span", "n=" + toned(s), "class", "n")));
      }
      rows.add(row);
    }
    page.chart(
        "tone-heatmap",
        new Charts.Heatmap(
                page.nextChartId(),
                title,
                st.named(sources),
                st.labels(themes),
                values,
                text,
                st.tone,
                "mean sentence tone (−1 negative … +1 positive)")
            .svg());
    List<String> head = new ArrayList<>();
    head.add("source");
    head.addAll(st.labels(themes));
    Blocks.table(h, "tone-matrix", head, "k" + "n".repeat(themes.size()), rows);
    h.close("div").nl();
  }

  private void smallMultiples(Page page, List<String> themes) {
    HtmlBuilder h = page.html;
    h.element("h3", "Tone by source, one chart per theme").nl();
    Blocks.paragraph(
        h,
        "note",
        "Same scale in every chart; sources ordered from most positive to most negative.");
    h.open("div", "class", "grid").nl();
    List<Row> themed = new ArrayList<>();
    themes.forEach(th -> themed.addAll(scored(st.stance(th))));
    double[] shared = ciRange(themed);
    for (String th : themes) {
      List<Row> rows = scored(st.stance(th));
      String label = st.label(th);
      h.open("div", "class", "card").nl().element("h4", label).nl();
      page.chart(
          "tone-theme",
          new Charts.Forest(
                  page.nextChartId(),
                  "Mean tone on " + label + ", by source",
                  intervals(rows),
                  "mean tone, " + pct(page.confidence) + " CI",
                  shared[0],
                  shared[1],
                  Blocks.tick(shared),
                  560)
              .svg());
      toneTable(h, "tone-theme", rows);
      h.close("div").nl();
    }
    h.close("div").nl();
  }

  private void toneTable(HtmlBuilder h, String name, List<Row> rows) {
    List<Cell[]> out = new ArrayList<>();
    for (Row r : sortedByTone(rows)) {
      out.add(
          new Cell[] {
            st.source(r.getAs(StanceBySourceColumns.SOURCE)),
            Blocks.tone(dbl(r, StanceBySourceColumns.TONE_MEAN), st.tone),
            Cell.text(ci(r)),
            Cell.text(Html.count(toned(r))),
            Cell.text(
                Boolean.TRUE.equals(r.getAs(StanceBySourceColumns.SMALL_SAMPLE))
                    ? "small sample"
                    : "")
          });
    }
    Blocks.table(h, name, List.of("source", "tone", "CI", "n", "note"), "knnnt", out);
  }

  /**
   * The overall tone table with the own-words columns: for each source its tone of all sentences
   * and of its own words, each with interval and n, and own words − all.
   */
  private void voicesTable(HtmlBuilder h, List<Row> rows) {
    List<Cell[]> out = new ArrayList<>();
    for (Row r : sortedByTone(rows)) {
      Row own = ownWords(r);
      double all = dbl(r, StanceBySourceColumns.TONE_MEAN);
      double mine = own == null ? Double.NaN : dbl(own, StanceBySourceColumns.TONE_MEAN);
      List<String> notes = new ArrayList<>();
      if (Boolean.TRUE.equals(r.getAs(StanceBySourceColumns.SMALL_SAMPLE))) {
        notes.add("small sample");
      }
      if (own == null) {
        notes.add("no sentence in its own words");
      } else if (Double.isNaN(mine)) {
        notes.add("own words: no tone");
      } else if (Boolean.TRUE.equals(own.getAs(StanceBySourceColumns.SMALL_SAMPLE))) {
        notes.add("own words: small sample");
      }
      out.add(
          new Cell[] {
            st.source(r.getAs(StanceBySourceColumns.SOURCE)),
            Blocks.tone(all, st.tone),
            Cell.text(ci(r)),
            Cell.text(Html.count(toned(r))),
            Double.isNaN(mine) ? Cell.text("–") : Blocks.tone(mine, st.tone),
            Cell.text(Double.isNaN(mine) ? "–" : ci(own)),
            Cell.text(own == null ? "0" : Html.count(toned(own))),
            Cell.text(Html.signed(mine - all, 3)),
            Cell.text(String.join(", ", notes))
          });
    }
    Blocks.table(
        h,
        "tone-all",
        List.of(
            "source",
            "tone, all sentences",
            "CI",
            "n",
            "tone, own words",
            "CI",
            "n",
            "own words − all",
            "note"),
        "knnnnnnnt",
        out);
  }

  /** The source's {@code _all} row in its own words (voice authorial), or null. */
  private Row ownWords(Row all) {
    return st.authorial(all.getAs(StanceBySourceColumns.SOURCE), ThemeIds.ALL);
  }

  private static String ci(Row r) {
    return "["
        + Html.signed(dbl(r, StanceBySourceColumns.TONE_CI_LOW), 2)
        + ", "
        + Html.signed(dbl(r, StanceBySourceColumns.TONE_CI_HIGH), 2)
        + "]";
  }

  /** Each source's overall tone, then (when it has one) its tone in its own words. */
  private List<Charts.Interval> intervalsWithOwnWords(List<Row> rows) {
    List<Charts.Interval> out = new ArrayList<>();
    for (Row r : sortedByTone(rows)) {
      String source = r.getAs(StanceBySourceColumns.SOURCE);
      out.add(interval(r, source + ", all (n=" + toned(r) + ")"));
      Row own = ownWords(r);
      if (own != null && !Double.isNaN(dbl(own, StanceBySourceColumns.TONE_MEAN))) {
        out.add(interval(own, source + ", own words (n=" + toned(own) + ")"));
      }
    }
    return out;
  }

  private Charts.Interval interval(Row r, String label) {
    double mean = dbl(r, StanceBySourceColumns.TONE_MEAN);
    return new Charts.Interval(
        label,
        mean,
        dbl(r, StanceBySourceColumns.TONE_CI_LOW),
        dbl(r, StanceBySourceColumns.TONE_CI_HIGH),
        st.tone.color(mean));
  }

  private List<Charts.Interval> intervals(List<Row> rows) {
    List<Charts.Interval> out = new ArrayList<>();
    for (Row r : sortedByTone(rows)) {
      out.add(interval(r, r.<String>getAs(StanceBySourceColumns.SOURCE) + " (n=" + toned(r) + ")"));
    }
    return out;
  }

  /** The rows with a tone. */
  private static List<Row> scored(List<Row> rows) {
    return rows.stream()
        .filter(r -> !Double.isNaN(dbl(r, StanceBySourceColumns.TONE_MEAN)))
        .toList();
  }

  /**
   * The sources of the rows without a tone, as "東都新聞 (ja), 4 sentences; …", with why; empty when
   * every row has a tone.
   */
  private String unscored(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      if (Double.isNaN(dbl(r, StanceBySourceColumns.TONE_MEAN))) {
        out.add(
            st.named(r.<String>getAs(StanceBySourceColumns.SOURCE))
                + ", "
                + Blocks.plural(lng(r, StanceBySourceColumns.SENTENCES), "sentence", "sentences"));
      }
    }
    return out.isEmpty()
        ? ""
        : String.join("; ", out)
            + ": no sentence has a tone (no tone lexicon for the language), so the source is "
            + "left out of the tone charts and comparisons.";
  }

  /** The sentences a tone rests on: toned_sentences, or sentences in a table without it. */
  private static long toned(Row r) {
    return r.schema() != null
            && java.util.Arrays.asList(r.schema().fieldNames())
                .contains(StanceBySourceColumns.TONED_SENTENCES)
        ? lng(r, StanceBySourceColumns.TONED_SENTENCES)
        : lng(r, StanceBySourceColumns.SENTENCES);
  }

  /** Most positive first, NaN last, ties by source. */
  private static List<Row> sortedByTone(List<Row> rows) {
    return rows.stream()
        .sorted(
            Comparator.comparingDouble(
                    (Row r) -> {
                      double v = dbl(r, StanceBySourceColumns.TONE_MEAN);
                      return Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v;
                    })
                .thenComparing(r -> r.<String>getAs(StanceBySourceColumns.SOURCE)))
        .toList();
  }

  /** Lowest CI bound and highest, padded and rounded out to 0.25, within [−1, 1], with 0. */
  private static double[] ciRange(List<Row> rows) {
    double lo = 0;
    double hi = 0;
    for (Row r : rows) {
      double m = dbl(r, StanceBySourceColumns.TONE_MEAN);
      lo = Math.min(lo, finiteOr(dbl(r, StanceBySourceColumns.TONE_CI_LOW), finiteOr(m, 0)));
      hi = Math.max(hi, finiteOr(dbl(r, StanceBySourceColumns.TONE_CI_HIGH), finiteOr(m, 0)));
    }
    double[] range = Blocks.padded(lo, hi);
    return new double[] {Math.max(-1, range[0]), Math.min(1, range[1])};
  }
}
