package dev.parallax.report;

import dev.parallax.report.Blocks.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The run: input reconciliation (input = accepted + rejected; accepted = analysed + exact
 * duplicates + near duplicates + not analysed, the last by language) as stat tiles and a sentence,
 * then the rejected records by reason with one example each.
 *
 * @param ingest the ingest digest, or null when the articles or rejects partition is missing
 */
record RunSection(
    HtmlReport.Ingest ingest, long analysed, long sentences, long sources, int stories)
    implements Section {

  @Override
  public String key() {
    return "run";
  }

  @Override
  public String nav() {
    return "Run";
  }

  @Override
  public String heading() {
    return "The run: what went in";
  }

  @Override
  public String howTo(Page page) {
    return "Every input record ends in exactly one table: <b>accepted</b> (the articles table) "
        + "or <b>rejected</b> (the rejects table, with a reason), so input = accepted + rejected. "
        + "<b>Exact duplicates</b> (the same text twice, e.g. a wire story reprinted) stay in "
        + "articles but are not analysed unless <code>annotate.include_duplicates</code> is on; "
        + "so are <b>near duplicates</b> (a reprint with its own headline, byline or edited "
        + "paragraphs: see who reprinted whom under each story). "
        + "Articles <b>not analysed</b> stay in articles too: no sentence came out of them, "
        + "usually because their language has no profile (sentence rules, tokeniser, theme "
        + "phrases); they are counted by detected language. "
        + "<b>Stories</b> lists every story of the run: declared by the records, seeded (articles "
        + "similar enough to a story's seed files), automatic (<code>auto-N</code>, clustered) or "
        + "<code>unassigned</code>; a story with fewer sources than "
        + "<code>compare.min_sources</code> is listed but not compared. "
        + "Rejected records are summarised by reason below; fix them at the source and rerun the "
        + "date to include them.";
  }

  /** "; 2 articles were not analysed (pt 1, unknown 1)", empty when none or unknown. */
  private String notAnalysedText() {
    long n = ingest.notAnalysedTotal();
    if (n == 0) {
      return "";
    }
    StringBuilder b = new StringBuilder("; ");
    b.append(Blocks.plural(n, "article was", "articles were")).append(" not analysed (");
    for (int i = 0; i < ingest.notAnalysed().size(); i++) {
      HtmlReport.LanguageCount l = ingest.notAnalysed().get(i);
      b.append(i == 0 ? "" : ", ").append(l.language()).append(' ').append(l.articles());
    }
    return b.append(")").toString();
  }

  @Override
  public void body(Page page) {
    HtmlBuilder h = page.html;
    if (ingest == null) {
      Blocks.paragraph(
          h,
          "empty",
          "The articles or rejects table has no partition for this run "
              + "date, so the input counts are not shown; the analysis below comes from the compare "
              + "tables alone.");
      return;
    }
    HtmlReport.RunCounts c = ingest.counts();
    h.open("div", "class", "stats", "data-table", "reconciliation").nl();
    Blocks.stat(h, c.input(), "input records");
    Blocks.stat(h, c.accepted(), "accepted");
    Blocks.stat(h, c.rejected(), "rejected");
    Blocks.stat(h, c.duplicates(), "exact duplicates");
    Blocks.stat(h, c.nearDuplicates(), "near duplicates");
    Blocks.stat(h, analysed, "articles analysed");
    if (ingest.notAnalysed() != null) {
      Blocks.stat(h, ingest.notAnalysedTotal(), "not analysed");
    }
    Blocks.stat(h, sentences, "sentences");
    Blocks.stat(h, sources, "sources");
    Blocks.stat(h, stories, "stories");
    h.close("div").nl();
    Blocks.paragraph(
        h,
        "flow",
        Html.count(c.input())
            + " input records = "
            + Html.count(c.accepted())
            + " accepted + "
            + Html.count(c.rejected())
            + " rejected. Of the accepted, "
            + Blocks.plural(c.duplicates(), "is an exact duplicate", "are exact duplicates")
            + " and "
            + Blocks.plural(c.nearDuplicates(), "is a near duplicate", "are near duplicates")
            + "; "
            + Blocks.plural(analysed, "article", "articles")
            + " went into the analysis"
            + notAnalysedText()
            + ".");
    stories(h);
    h.element("h3", "Rejected records by reason").nl();
    if (ingest.rejects().isEmpty()) {
      Blocks.paragraph(h, "empty", "No record was rejected.");
      return;
    }
    List<Cell[]> rows = new ArrayList<>();
    for (HtmlReport.RejectReason r : ingest.rejects()) {
      rows.add(
          new Cell[] {
            Cell.element("code", r.code()),
            Cell.text(Html.count(r.records())),
            Cell.text(Html.count(r.files())),
            Cell.text(r.exampleFile())
                .then(Cell.text(" "))
                .then(
                    Cell.element(
                        "span", "(" + Objects.toString(r.exampleRef(), "") + ")", "class", "muted"))
                .then(Cell.text(": "))
                .then(Cell.text(r.exampleReason()))
          });
    }
    Blocks.table(h, "rejects", List.of("reason code", "records", "files", "example"), "knnt", rows);
  }

  /** The stories table: id, kind, label, articles, sources, compared or why not. */
  private void stories(HtmlBuilder h) {
    if (ingest.stories() == null) {
      return;
    }
    h.element("h3", "Stories").nl();
    List<Cell[]> rows = new ArrayList<>();
    for (HtmlReport.StoryRow s : ingest.stories()) {
      rows.add(
          new Cell[] {
            Cell.text(s.story()),
            Cell.text(s.kind()),
            Cell.text(Objects.toString(s.label(), "")),
            Cell.text(Html.count(s.articles())),
            Cell.text(Html.count(s.sources())),
            Cell.text(s.compared() ? "yes" : "no: " + s.notComparedReason())
          });
    }
    Blocks.table(
        h,
        "stories",
        List.of("story", "kind", "label", "articles", "sources", "compared"),
        "tttnnt",
        rows);
  }
}
