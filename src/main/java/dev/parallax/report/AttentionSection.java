package dev.parallax.report;

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
 * Attention over time: the story's articles per day, by source, from the timeline's {@code _all}
 * rows, as bars stacked by source (one colour each, {@link Palette#category}) over every day from
 * the first to the last day with an article (days without one drawn as 0), with the numbers per day
 * and source beside. Articles the timeline leaves out (no publication date, or dated far outside
 * the window) are counted in a note. A warehouse whose compare ran before the timeline existed gets
 * one line saying so.
 */
record AttentionSection(Story st) implements Section {

  /** What the section says when the run date has no timeline partition. */
  static final String NO_TIMELINE =
      "No timeline for this run date (compare ran before the timeline existed).";

  @Override
  public String key() {
    return "attention";
  }

  @Override
  public String nav() {
    return "Over time";
  }

  @Override
  public String heading() {
    return "Attention over time";
  }

  @Override
  public String howTo(Page page) {
    return "How many of the story's articles each source published <b>per day</b>: one bar per "
        + "day, one colour per source, stacked, so the height of a bar is the story's articles "
        + "that day over all sources. The day is the article's publication date in "
        + "<code>compare.time_zone</code> (not the run date that collected it), so a window of "
        + "run dates may draw days before its first run date. Every day between the first and the "
        + "last is drawn; a day without a bar had no article. An article counts once, on the day "
        + "it was first published, even when several run dates collected it. Articles without a "
        + "publication date, or dated more than 30 days from both the window and the story's "
        + "median day (a 1970 or a 2031 date), are not drawn: the note below counts them. Per day, source and theme, with "
        + "sentences, mentions and tone, in <code>timeline.csv</code>.";
  }

  @Override
  public void body(Page page) {
    HtmlBuilder h = page.html;
    if (st.timeline == null) {
      Blocks.paragraph(h, "empty", NO_TIMELINE);
      return;
    }
    List<Row> all = st.timeline(ThemeIds.ALL);
    if (all.isEmpty()) {
      Blocks.paragraph(h, "empty", "No dated article in this story: nothing to draw over time.");
      offTimeline(h);
      return;
    }
    List<LocalDate> days = st.days();
    List<String> sources =
        st.sources.stream()
            .filter(s -> all.stream().anyMatch(r -> s.equals(r.getAs(TimelineColumns.SOURCE))))
            .toList();
    double[][] values = new double[sources.size()][days.size()];
    long[] totals = new long[days.size()];
    for (Row r : all) {
      int s = sources.indexOf(r.<String>getAs(TimelineColumns.SOURCE));
      int d = days.indexOf(Story.day(r));
      if (s < 0 || d < 0) {
        continue;
      }
      values[s][d] += lng(r, TimelineColumns.ARTICLES);
      totals[d] = lng(r, TimelineColumns.STORY_ARTICLES);
    }
    List<Color> colors = new ArrayList<>();
    for (int s = 0; s < sources.size(); s++) {
      colors.add(Palette.category(s));
    }
    List<String> labels = days.stream().map(LocalDate::toString).toList();
    String title = "Articles per day, by source";
    h.element("h3", title).nl().open("div", "class", "figure").nl();
    page.chart(
        "attention",
        new Charts.StackedBars(
                page.nextChartId(), title, labels, st.named(sources), values, colors, "articles")
            .svg());
    List<Cell[]> rows = new ArrayList<>();
    for (int d = 0; d < days.size(); d++) {
      Cell[] row = new Cell[sources.size() + 2];
      row[0] = Cell.text(labels.get(d));
      for (int s = 0; s < sources.size(); s++) {
        row[s + 1] = Cell.text(Html.count((long) values[s][d]));
      }
      row[sources.size() + 1] = Cell.element("b", Html.count(totals[d]));
      rows.add(row);
    }
    List<String> head = new ArrayList<>();
    head.add("day");
    head.addAll(st.named(sources));
    head.add("all sources");
    Blocks.table(h, "attention", head, "k" + "n".repeat(sources.size() + 1), rows);
    h.close("div").nl();
    if (sources.size() > Palette.CATEGORIES) {
      Blocks.paragraph(
          h,
          "note",
          "More sources than colours: colours repeat after "
              + Palette.CATEGORIES
              + " sources; the table tells them apart.");
    }
    offTimeline(h);
  }

  /** The note on the articles not drawn, when there are any. */
  private void offTimeline(HtmlBuilder h) {
    String text = notDrawn(st.undated, st.outOfRange);
    if (!text.isEmpty()) {
      Blocks.paragraph(h, "note", text);
    }
  }

  /**
   * "2 articles without a publication date and 1 dated far outside the window are not drawn (…)";
   * empty when both are 0.
   */
  static String notDrawn(long undated, long outOfRange) {
    if (undated == 0 && outOfRange == 0) {
      return "";
    }
    String far =
        "dated far off (more than 30 days from the window and from the median day of the story)";
    String what =
        undated == 0
            ? Blocks.plural(outOfRange, "article", "articles") + " " + far
            : Blocks.plural(undated, "article", "articles")
                + " without a publication date"
                + (outOfRange == 0 ? "" : " and " + Html.count(outOfRange) + " " + far);
    return what
        + (undated + outOfRange == 1 ? " is" : " are")
        + " not drawn (source_summary.csv: undated_articles, out_of_range_articles).";
  }
}
