package dev.parallax.report;

import static dev.parallax.report.Blocks.dbl;
import static dev.parallax.report.Blocks.lng;

import dev.parallax.report.Blocks.Cell;
import dev.parallax.warehouse.schema.SourceSummaryColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/**
 * A story's sources: one row each (language, articles, sentences, tokens, mean tone, first and last
 * publication, top themes), then its articles in a collapsed list, at most {@value
 * HtmlReport#MAX_ARTICLES}, each with its language and whether it was analysed.
 *
 * @param ingest the ingest digest, or null when it is missing (then no article list)
 */
record SourcesSection(Story st, HtmlReport.Ingest ingest) implements Section {

  @Override
  public String key() {
    return "sources";
  }

  @Override
  public String nav() {
    return "Sources";
  }

  @Override
  public String heading() {
    return "Sources";
  }

  @Override
  public String howTo(Page page) {
    return "One row per source: how much text each comparison rests on. <b>Language</b> is the "
        + "language of its analysed text; compare rates per 1,000 tokens only between sources of "
        + "one language (each language has its own tokeniser). <b>Tone</b> is the "
        + "mean tone of all the source's sentences, from −1 (most negative) through 0 (neutral) to "
        + "+1 (most positive), over the sentences that have a tone: a language without a tone "
        + "lexicon gets none (–), never a neutral 0. <b>Top themes</b> are its three most "
        + "mentioned themes. Sources with few sentences get wide intervals in the charts below.";
  }

  @Override
  public void body(Page page) {
    HtmlBuilder h = page.html;
    List<Cell[]> rows = new ArrayList<>();
    for (Row r : st.summary) {
      int topAt = r.fieldIndex(SourceSummaryColumns.TOP_THEMES);
      List<Object> top = r.isNullAt(topAt) ? List.of() : r.getList(topAt);
      rows.add(
          new Cell[] {
            Cell.text(r.getAs(SourceSummaryColumns.SOURCE)),
            Cell.text(language(Blocks.str(r, SourceSummaryColumns.LANGUAGE))),
            Cell.text(Html.count(lng(r, SourceSummaryColumns.ARTICLES))),
            Cell.text(Html.count(lng(r, SourceSummaryColumns.SENTENCES))),
            Cell.text(Html.count(lng(r, SourceSummaryColumns.TOKENS))),
            Blocks.tone(dbl(r, SourceSummaryColumns.TONE_MEAN), st.tone),
            Cell.text(Blocks.date(r.getAs(SourceSummaryColumns.FIRST_PUBLISHED))),
            Cell.text(Blocks.date(r.getAs(SourceSummaryColumns.LAST_PUBLISHED))),
            Cell.text(
                top.stream()
                    .map(o -> st.label(String.valueOf(o)))
                    .collect(Collectors.joining(", ")))
          });
    }
    Blocks.table(
        h,
        "sources",
        List.of(
            "source",
            "language",
            "articles",
            "sentences",
            "tokens",
            "tone",
            "first published (UTC)",
            "last published (UTC)",
            "top themes"),
        "kknnnnkkt",
        rows);
    if (ingest == null) {
      return;
    }
    List<HtmlReport.Article> all =
        ingest.articles().stream().filter(a -> st.story.equals(a.story())).toList();
    h.open("details")
        .element(
            "summary",
            "Articles of this story ("
                + (all.size() > HtmlReport.MAX_ARTICLES
                    ? "the first " + HtmlReport.MAX_ARTICLES + " listed"
                    : Html.count(all.size()))
                + ")")
        .nl();
    List<Cell[]> articles = new ArrayList<>();
    for (HtmlReport.Article a : all.stream().limit(HtmlReport.MAX_ARTICLES).toList()) {
      articles.add(
          new Cell[] {
            Cell.text(a.source()),
            Cell.text(language(a.language())),
            Cell.text(Blocks.date(a.published())),
            a.title() == null
                ? Cell.element("span", "(no title)", "class", "muted")
                : Cell.text(a.title()),
            Cell.text(
                a.duplicate()
                    ? "exact duplicate, not analysed"
                    : a.nearDuplicate()
                        ? "near duplicate, not analysed"
                        : a.analysed() ? "" : "not analysed (no sentence)")
          });
    }
    Blocks.table(
        h,
        "articles",
        List.of("source", "language", "published (UTC)", "title", "note"),
        "kkktt",
        articles);
    h.close("details").nl();
  }

  /** A language code as shown; a dash when unknown. */
  private static String language(String code) {
    return code == null ? "–" : code;
  }
}
