package dev.parallax.report;

import static dev.parallax.report.Blocks.dbl;
import static dev.parallax.report.Blocks.lng;

import dev.parallax.report.Blocks.Cell;
import dev.parallax.warehouse.schema.SyndicationColumns;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Who reprinted whom: the story's syndication groups (the {@code syndication} table), largest
 * first, each as its original (the canonical article) and a table of its copies with their match
 * (exact or near) and similarity. At most {@value #MAX_GROUPS} groups are shown; the rest are
 * counted.
 */
record SyndicationSection(Story st) implements Section {
  /** Groups shown per story; the CSV beside the report has them all. */
  static final int MAX_GROUPS = 50;

  @Override
  public String key() {
    return "syndication";
  }

  @Override
  public String nav() {
    return "Reprints";
  }

  @Override
  public String heading() {
    return "Who reprinted whom";
  }

  @Override
  public String howTo(Page page) {
    return "Articles that are copies of another article of the run: an <b>exact</b> copy has the "
        + "same text; a <b>near</b> copy (a wire story with its own headline, byline or edited "
        + "paragraphs) shares at least <code>dedup.near_duplicate_threshold</code> of its word "
        + "5-shingles (5-character shingles in Japanese, Chinese and Korean) with the original: "
        + "<b>similarity</b> is that Jaccard index, 1 for identical text. The <b>original</b> is "
        + "the earliest published article of the group. Copies are not analysed (unless "
        + "<code>annotate.include_duplicates</code> is on), so a story reprinted by many outlets "
        + "counts once in the comparisons; the full list is <code>syndication.csv</code>.";
  }

  @Override
  public void body(Page page) {
    HtmlBuilder h = page.html;
    if (st.syndication == null) {
      Blocks.paragraph(h, "empty", "The syndication table has no partition for this run date.");
      return;
    }
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    st.syndication.stream()
        .sorted(
            Comparator.comparingLong((Row r) -> -lng(r, SyndicationColumns.GROUP_ARTICLES))
                .thenComparing(
                    r -> r.<Timestamp>getAs(SyndicationColumns.CANONICAL_PUBLISHED_AT),
                    Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.<String>getAs(SyndicationColumns.GROUP_ID))
                .thenComparing(
                    r -> r.<Timestamp>getAs(SyndicationColumns.PUBLISHED_AT),
                    Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.<String>getAs(SyndicationColumns.SOURCE))
                .thenComparing(r -> r.<String>getAs(SyndicationColumns.ARTICLE_ID)))
        .forEach(
            r ->
                groups
                    .computeIfAbsent(r.getAs(SyndicationColumns.GROUP_ID), k -> new ArrayList<>())
                    .add(r));
    if (groups.isEmpty()) {
      Blocks.paragraph(h, "empty", "No syndicated copies found in this story.");
      return;
    }
    long copies = st.syndication.size();
    Blocks.paragraph(
        h,
        "note",
        Blocks.plural(groups.size(), "article was", "articles were")
            + " reprinted: "
            + Blocks.plural(copies, "copy", "copies")
            + (groups.size() > MAX_GROUPS
                ? "; the " + MAX_GROUPS + " largest groups are shown."
                : "."));
    int shown = 0;
    for (List<Row> group : groups.values()) {
      if (shown++ == MAX_GROUPS) {
        break;
      }
      Row first = group.get(0);
      String title = first.getAs(SyndicationColumns.CANONICAL_TITLE);
      h.open("h3")
          .text("Original: " + first.<String>getAs(SyndicationColumns.CANONICAL_SOURCE) + ", ")
          .text(title == null ? "(no title)" : "“" + title + "”")
          .text(" (" + Blocks.date(first.getAs(SyndicationColumns.CANONICAL_PUBLISHED_AT)) + ")")
          .close("h3")
          .nl();
      Blocks.paragraph(
          h,
          "note",
          Blocks.plural(lng(first, SyndicationColumns.GROUP_ARTICLES), "article", "articles")
              + " from "
              + Blocks.plural(lng(first, SyndicationColumns.GROUP_SOURCES), "source", "sources")
              + ".");
      List<Cell[]> rows = new ArrayList<>();
      for (Row r : group) {
        String copyTitle = r.getAs(SyndicationColumns.TITLE);
        rows.add(
            new Cell[] {
              Cell.text(r.getAs(SyndicationColumns.SOURCE)),
              Cell.text(Blocks.date(r.getAs(SyndicationColumns.PUBLISHED_AT))),
              copyTitle == null
                  ? Cell.element("span", "(no title)", "class", "muted")
                  : Cell.text(copyTitle),
              Cell.text(r.getAs(SyndicationColumns.MATCH)),
              Cell.text(Html.num(dbl(r, SyndicationColumns.SIMILARITY), 2))
            });
      }
      Blocks.table(
          h,
          "syndication",
          List.of("reprinted by", "published (UTC)", "title", "match", "similarity"),
          "kktkn",
          rows);
    }
  }
}
