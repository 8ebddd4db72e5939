package dev.parallax.report;

import static dev.parallax.report.Blocks.dbl;
import static dev.parallax.report.Blocks.lng;

import dev.parallax.report.Blocks.Cell;
import dev.parallax.warehouse.schema.ThemeIds;
import dev.parallax.warehouse.schema.TimelineColumns;
import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Tone over time: per day, the mean tone of the story's sentences with all sources pooled, over
 * every sentence ({@code _all}) and for the story's {@value #TOP_THEMES} most mentioned story
 * themes (over the window, not the {@code frame_*} themes) that have a toned sentence on the
 * timeline. The pooled mean of a day and theme is the exact mean of its toned sentences:
 * sum(tone_mean × toned_sentences) / sum(toned_sentences) over the timeline rows of that day and
 * theme. A line chart with a dot per value over the days of the attention chart (a day without a
 * toned sentence has no dot, the line joins the days either side, and the table beside has no row
 * for it). Per-source means with their intervals are left to timeline.csv.
 */
record ToneOverTimeSection(Story st) implements Section {
  /** Story themes drawn beside all sentences, most mentioned first. */
  static final int TOP_THEMES = 3;

  /** The pooled mean tone and its toned sentences. */
  record Pooled(double mean, long toned) {}

  @Override
  public String key() {
    return "tone-time";
  }

  @Override
  public String nav() {
    return "Tone over time";
  }

  @Override
  public String heading() {
    return "Tone over time";
  }

  @Override
  public String howTo(Page page) {
    return "The mean sentence <b>tone</b> (−1 negative … +1 positive) of the story <b>per day</b> "
        + "(publication date), with the sources <b>pooled</b>: every toned sentence of the day "
        + "counts once, whichever source wrote it, so a source that wrote more that day weighs "
        + "more. One line for all sentences and one for each of the story's most mentioned "
        + "themes. A day without a toned sentence has no dot: the line joins the days either side. "
        + "<b>n</b> is the number of toned sentences behind a value: a day resting on a handful "
        + "of sentences moves a lot by chance, so read a jump together with its n. The lines mix "
        + "sources, so a change over time may be a change in who wrote that day (see the "
        + "attention chart above); each source's own mean per day, with its "
        + Blocks.pct(page.confidence)
        + " confidence interval, is in <code>timeline.csv</code> (tone_mean, tone_ci_low, "
        + "tone_ci_high).";
  }

  @Override
  public void body(Page page) {
    HtmlBuilder h = page.html;
    if (st.timeline == null) {
      Blocks.paragraph(h, "empty", AttentionSection.NO_TIMELINE);
      return;
    }
    List<LocalDate> days = st.days();
    List<String> themes = new ArrayList<>();
    themes.add(ThemeIds.ALL);
    st.themes.stream()
        .filter(
            th ->
                st.timeline(th).stream().anyMatch(r -> lng(r, TimelineColumns.TONED_SENTENCES) > 0))
        .limit(TOP_THEMES)
        .forEach(themes::add);
    Pooled[][] pooled = new Pooled[themes.size()][days.size()];
    double lo = 0;
    double hi = 0;
    boolean any = false;
    for (int t = 0; t < themes.size(); t++) {
      for (int d = 0; d < days.size(); d++) {
        pooled[t][d] = pooled(st.timeline(themes.get(t)), days.get(d));
        if (pooled[t][d] != null) {
          any = true;
          lo = Math.min(lo, pooled[t][d].mean());
          hi = Math.max(hi, pooled[t][d].mean());
        }
      }
    }
    if (!any) {
      Blocks.paragraph(
          h,
          "empty",
          days.isEmpty()
              ? "No dated article in this story: nothing to draw over time."
              : "No toned sentence on this story's timeline (its languages have no tone lexicon).");
      return;
    }
    List<String> labels = days.stream().map(LocalDate::toString).toList();
    Double[][] values = new Double[themes.size()][days.size()];
    List<Color> colors = new ArrayList<>();
    for (int t = 0; t < themes.size(); t++) {
      colors.add(t == 0 ? Palette.INK : Palette.category(t - 1));
      for (int d = 0; d < days.size(); d++) {
        values[t][d] = pooled[t][d] == null ? null : pooled[t][d].mean();
      }
    }
    double[] range = Blocks.padded(lo, hi);
    String title = "Mean tone per day, sources pooled";
    h.element("h3", title).nl().open("div", "class", "figure").nl();
    page.chart(
        "tone-time",
        new Charts.Lines(
                page.nextChartId(),
                title,
                labels,
                st.labels(themes),
                values,
                colors,
                "mean tone (−1 … +1)",
                range[0],
                range[1],
                Blocks.tick(range))
            .svg());
    List<Cell[]> rows = new ArrayList<>();
    for (int d = 0; d < days.size(); d++) {
      boolean toned = false;
      Cell[] row = new Cell[themes.size() + 1];
      row[0] = Cell.text(labels.get(d));
      for (int t = 0; t < themes.size(); t++) {
        Pooled p = pooled[t][d];
        toned |= p != null;
        row[t + 1] =
            p == null
                ? Cell.text("–")
                : Blocks.tone(p.mean(), st.tone)
                    .then(Cell.text(" "))
                    .then(Cell.element("span", "n=" + p.toned(), "class", "n"));
      }
      if (toned) {
        rows.add(row);
      }
    }
    List<String> head = new ArrayList<>();
    head.add("day");
    head.addAll(st.labels(themes));
    Blocks.table(h, "tone-time", head, "k" + "n".repeat(themes.size()), rows);
    h.close("div").nl();
    Blocks.paragraph(
        h,
        "note",
        "Sources pooled; each source's mean tone per day with its "
            + Blocks.pct(page.confidence)
            + " confidence interval is in timeline.csv. Days without a toned sentence are left"
            + " out.");
  }

  /**
   * The pooled mean tone of the rows of {@code day}: sum(tone_mean × toned_sentences) /
   * sum(toned_sentences); null when they have no toned sentence.
   */
  static Pooled pooled(List<Row> rows, LocalDate day) {
    double sum = 0;
    long toned = 0;
    for (Row r : rows) {
      long n = lng(r, TimelineColumns.TONED_SENTENCES);
      double mean = dbl(r, TimelineColumns.TONE_MEAN);
      if (n > 0 && Double.isFinite(mean) && day.equals(Story.day(r))) {
        sum += mean * n;
        toned += n;
      }
    }
    return toned == 0 ? null : new Pooled(sum / toned, toned);
  }
}
