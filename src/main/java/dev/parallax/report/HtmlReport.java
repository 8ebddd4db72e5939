package dev.parallax.report;

import java.awt.Color;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/**
 * {@code report.html}: the self-contained HTML report of one run date, for an analyst who has not
 * read the code. Rendered on the driver from the collected compare tables (addressed by their
 * public column names) and a digest of the ingest tables.
 *
 * <p>Sections: the run (input reconciliation, rejects by reason), then per story: sources and
 * their articles; a source × theme heatmap of mentions per 1,000 tokens (story themes only); tone
 * by source ({@code _all}) with confidence intervals, a source × theme tone heatmap and one
 * small-multiple chart per theme; the stance differences (the significant ones, else the largest,
 * marked not significant) as a sorted chart with intervals; the top distinctive terms per source.
 * Every chart ({@link Charts}, an inline {@code <svg>}) has its numbers in an HTML table next to
 * it, and every section a short "how to read this".
 *
 * <p>Self-contained: inline CSS and SVG only, no script, no external URL (a
 * Content-Security-Policy meta tag also forbids loading anything). All corpus text (sources,
 * titles, terms, theme labels, reject reasons) is escaped with {@link Html#escape} in HTML and by
 * JFreeSVG inside the charts. The output is deterministic: the same tables give the same bytes.
 */
final class HtmlReport {
  private HtmlReport() {}

  /** Significant stance differences charted per story, largest first. */
  static final int TOP_DIFFERENCES = 20;
  /** Differences charted per story when none is significant. */
  static final int TOP_NOT_SIGNIFICANT = 10;
  /** Distinctive terms charted per source. */
  static final int TOP_TERMS = 10;
  /** Articles listed per story; more are counted, not listed. */
  static final int MAX_ARTICLES = 500;

  static final String ALL = "_all";
  static final String FRAME_PREFIX = "frame_";
  private static final Color SIGNIFICANT = new Color(0x1B, 0x6F, 0x8A);
  private static final Color NOT_SIGNIFICANT = new Color(0xC9, 0xCF, 0xD6);
  private static final Color TERM_BAR = new Color(0x4A, 0x78, 0xA8);

  /** Input counts of the run date's ingest; {@code input = accepted + rejected}. */
  record RunCounts(long accepted, long rejected, long duplicates) {
    long input() {
      return accepted + rejected;
    }
  }

  /** Rejected records of one reason code, with the first one (by file and record) as example. */
  record RejectReason(String code, long records, long files, String exampleFile,
      String exampleRef, String exampleReason) {}

  /** One accepted article, as listed under its story. */
  record Article(String story, String source, String title, Timestamp published,
      boolean duplicate) {}

  /**
   * What the ingest tables say about the run date.
   *
   * @param articles accepted articles in story, source, date order; {@link #MAX_ARTICLES} per
   *     story are listed, one more says the list is cut
   */
  record Ingest(RunCounts counts, List<RejectReason> rejects, List<Article> articles) {}

  /** The compare tables of one run date, rows in any order. */
  record Tables(List<Row> themeFrequency, List<Row> stanceBySource, List<Row> stanceDifference,
      List<Row> distinctiveTerms, List<Row> sourceSummary) {}

  /**
   * The whole document.
   *
   * @param ingest the ingest digest, or null when the articles or rejects partition is missing
   * @param confidence interval coverage the tables were computed with, in (0, 1)
   * @param fdr the q-value threshold of {@code significant}
   */
  static String render(LocalDate runDate, double confidence, double fdr, Ingest ingest, Tables t) {
    Page p = new Page(confidence, fdr);
    TreeSet<String> stories = new TreeSet<>();
    t.sourceSummary().forEach(r -> stories.add(r.getAs("story")));
    long sentences = t.sourceSummary().stream().mapToLong(r -> lng(r, "sentences")).sum();
    long analysed = t.sourceSummary().stream().mapToLong(r -> lng(r, "articles")).sum();
    long sources = t.sourceSummary().stream().map(r -> r.<String>getAs("source")).distinct().count();

    StringBuilder h = p.out;
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Parallax report, run date ").append(runDate).append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
    h.append("<header>\n<h1>Parallax report</h1>\n<p class=\"lede\">How different sources covered "
        + "the same story: run date <b>").append(runDate).append("</b> · ")
        .append(plural(stories.size(), "story", "stories")).append(" · ")
        .append(plural(sources, "source", "sources")).append(" · ")
        .append(plural(analysed, "article", "articles")).append(" analysed · ")
        .append(plural(sentences, "sentence", "sentences")).append("</p>\n");
    toc(h, stories);
    h.append("</header>\n");

    run(p, ingest, analysed, sentences, sources, stories.size());
    int s = 0;
    for (String story : stories) {
      s++;
      String sid = "s" + s;
      h.append("<h2 class=\"story\" id=\"").append(sid).append("\">Story: ")
          .append(Html.escape(story)).append("</h2>\n");
      Story st = Story.of(story, t);
      sourcesSection(p, sid, st, ingest);
      themesSection(p, sid, st);
      toneSection(p, sid, st);
      differencesSection(p, sid, st);
      termsSection(p, sid, st);
    }
    if (stories.isEmpty()) {
      h.append("<p class=\"empty\">No sentences for this run date: the compare tables are "
          + "empty.</p>\n");
    }
    h.append("<footer>Made by Parallax from the tables of run date ").append(runDate)
        .append(" (theme_frequency, stance_by_source, stance_difference, distinctive_terms, "
            + "source_summary; CSV copies beside this file). Intervals: ")
        .append(pct(confidence)).append(" percentile bootstrap; significance: Benjamini–Hochberg "
            + "q &lt; ").append(fmt(fdr)).append(".</footer>\n</main>\n</body>\n</html>\n");
    return h.toString();
  }

  // ---------------------------------------------------------------- sections

  private static void toc(StringBuilder h, TreeSet<String> stories) {
    h.append("<nav><a href=\"#run\">Run</a>");
    int s = 0;
    for (String story : stories) {
      s++;
      String sid = "s" + s;
      if (stories.size() > 1) {
        h.append("<span class=\"sep\">").append(Html.escape(story)).append(":</span>");
      }
      h.append("<a href=\"#").append(sid).append("-sources\">Sources</a>")
          .append("<a href=\"#").append(sid).append("-themes\">Themes</a>")
          .append("<a href=\"#").append(sid).append("-tone\">Tone</a>")
          .append("<a href=\"#").append(sid).append("-differences\">Differences</a>")
          .append("<a href=\"#").append(sid).append("-terms\">Distinctive terms</a>");
    }
    h.append("</nav>\n");
  }

  private static void run(Page p, Ingest ingest, long analysed, long sentences, long sources,
      int stories) {
    StringBuilder h = p.out;
    h.append("<section id=\"run\" data-section=\"run\">\n<h2>The run: what went in</h2>\n");
    howTo(h, "Every input record ends in exactly one table: <b>accepted</b> (the articles table) "
        + "or <b>rejected</b> (the rejects table, with a reason), so input = accepted + rejected. "
        + "<b>Exact duplicates</b> (the same text twice, e.g. a wire story reprinted) stay in "
        + "articles but are not analysed unless <code>annotate.include_duplicates</code> is on. "
        + "Rejected records are summarised by reason below; fix them at the source and rerun the "
        + "date to include them.");
    if (ingest == null) {
      h.append("<p class=\"empty\">The articles or rejects table has no partition for this run "
          + "date, so the input counts are not shown; the analysis below comes from the compare "
          + "tables alone.</p>\n");
    } else {
      RunCounts c = ingest.counts();
      h.append("<div class=\"stats\" data-table=\"reconciliation\">\n");
      stat(h, c.input(), "input records");
      stat(h, c.accepted(), "accepted");
      stat(h, c.rejected(), "rejected");
      stat(h, c.duplicates(), "exact duplicates");
      stat(h, analysed, "articles analysed");
      stat(h, sentences, "sentences");
      stat(h, sources, "sources");
      stat(h, stories, "stories");
      h.append("</div>\n<p class=\"flow\">").append(Html.count(c.input()))
          .append(" input records = ").append(Html.count(c.accepted())).append(" accepted + ")
          .append(Html.count(c.rejected())).append(" rejected. Of the accepted, ")
          .append(plural(c.duplicates(), "is an exact duplicate", "are exact duplicates"))
          .append("; ").append(plural(analysed, "article", "articles"))
          .append(" went into the analysis.</p>\n");
      h.append("<h3>Rejected records by reason</h3>\n");
      if (ingest.rejects().isEmpty()) {
        h.append("<p class=\"empty\">No record was rejected.</p>\n");
      } else {
        List<String[]> rows = new ArrayList<>();
        for (RejectReason r : ingest.rejects()) {
          rows.add(new String[] {"<code>" + Html.escape(r.code()) + "</code>",
              Html.count(r.records()), Html.count(r.files()),
              Html.escape(r.exampleFile()) + " <span class=\"muted\">("
                  + Html.escape(r.exampleRef()) + ")</span>: " + Html.escape(r.exampleReason())});
        }
        table(h, "rejects", new String[] {"reason code", "records", "files", "example"},
            "knnt", rows);
      }
    }
    h.append("</section>\n");
  }

  private static void sourcesSection(Page p, String sid, Story st, Ingest ingest) {
    StringBuilder h = p.out;
    h.append("<section id=\"").append(sid).append("-sources\" data-section=\"sources\">\n")
        .append("<h2>Sources</h2>\n");
    howTo(h, "One row per source: how much text each comparison rests on. <b>Tone</b> is the "
        + "mean tone of all the source's sentences, from −1 (most negative) through 0 (neutral) to "
        + "+1 (most positive). <b>Top themes</b> are its three most mentioned themes. Sources with "
        + "few sentences get wide intervals in the charts below.");
    List<String[]> rows = new ArrayList<>();
    for (Row r : st.summary) {
      List<Object> top = r.isNullAt(r.fieldIndex("top_themes")) ? List.of()
          : r.getList(r.fieldIndex("top_themes"));
      rows.add(new String[] {Html.escape(r.getAs("source")), Html.count(lng(r, "articles")),
          Html.count(lng(r, "sentences")), Html.count(lng(r, "tokens")),
          toneCell(dbl(r, "tone_mean"), st.tone), date(r.getAs("first_published")),
          date(r.getAs("last_published")),
          Html.escape(top.stream().map(o -> st.label(String.valueOf(o)))
              .collect(Collectors.joining(", ")))});
    }
    table(h, "sources", new String[] {"source", "articles", "sentences", "tokens", "tone",
        "first published (UTC)", "last published (UTC)", "top themes"},
        "knnnnkkt", rows);
    if (ingest != null) {
      List<Article> all = ingest.articles().stream()
          .filter(a -> st.story.equals(a.story())).toList();
      List<Article> articles = all.stream().limit(MAX_ARTICLES).toList();
      h.append("<details><summary>Articles of this story (")
          .append(all.size() > MAX_ARTICLES ? "the first " + MAX_ARTICLES + " listed"
              : Html.count(all.size())).append(")</summary>\n");
      List<String[]> arows = new ArrayList<>();
      for (Article a : articles) {
        arows.add(new String[] {Html.escape(a.source()), date(a.published()),
            a.title() == null ? "<span class=\"muted\">(no title)</span>" : Html.escape(a.title()),
            a.duplicate() ? "exact duplicate, not analysed" : ""});
      }
      table(h, "articles", new String[] {"source", "published (UTC)", "title", "note"},
          "kktt", arows);
      h.append("</details>\n");
    }
    h.append("</section>\n");
  }

  private static void themesSection(Page p, String sid, Story st) {
    StringBuilder h = p.out;
    h.append("<section id=\"").append(sid).append("-themes\" data-section=\"themes\">\n")
        .append("<h2>Which themes each source covers</h2>\n");
    howTo(h, "Each cell is how often a source mentions a theme: matches of the theme's phrases "
        + "<b>per 1,000 tokens</b> (words) of that source's text, so long and short sources "
        + "compare fairly. Darker blue = mentioned more. Columns are ordered from the most to the "
        + "least covered theme. Story themes only; the general policy-frame themes are in "
        + "<code>theme_frequency.csv</code>.");
    if (st.themes.isEmpty()) {
      h.append("<p class=\"empty\">No story theme is mentioned.</p>\n</section>\n");
      return;
    }
    List<String> sources = st.sources;
    double[][] values = new double[sources.size()][st.themes.size()];
    String[][] text = new String[sources.size()][st.themes.size()];
    double max = 0;
    for (int r = 0; r < sources.size(); r++) {
      for (int c = 0; c < st.themes.size(); c++) {
        double v = st.rate(sources.get(r), st.themes.get(c));
        values[r][c] = v;
        text[r][c] = Double.isNaN(v) ? "–" : Html.num(v, 1);
        if (Double.isFinite(v)) {
          max = Math.max(max, v);
        }
      }
    }
    double step = max > 50 ? 10 : 5;
    Palette palette = Palette.sequential(Math.max(step, Math.ceil(max / step) * step));
    String title = "Theme mentions per 1,000 tokens, by source and theme";
    h.append("<h3>").append(title).append("</h3>\n<div class=\"figure wide\">\n");
    p.chart("rates-heatmap", new Charts.Heatmap(p.nextId(), title, sources, st.themeLabels(), values,
        text, palette, "mentions per 1,000 tokens").svg());
    List<String[]> rows = new ArrayList<>();
    for (int r = 0; r < sources.size(); r++) {
      String[] row = new String[st.themes.size() + 1];
      row[0] = Html.escape(sources.get(r));
      for (int c = 0; c < st.themes.size(); c++) {
        row[c + 1] = heatCell(values[r][c], palette, Html.num(values[r][c], 2));
      }
      rows.add(row);
    }
    String[] head = new String[st.themes.size() + 1];
    head[0] = "source";
    for (int c = 0; c < st.themes.size(); c++) {
      head[c + 1] = st.label(st.themes.get(c));
    }
    table(h, "rates", head, "k" + "n".repeat(st.themes.size()), rows);
    h.append("</div>\n</section>\n");
  }

  private static void toneSection(Page p, String sid, Story st) {
    StringBuilder h = p.out;
    h.append("<section id=\"").append(sid).append("-tone\" data-section=\"tone\">\n")
        .append("<h2>Tone of each source</h2>\n");
    howTo(h, "<b>Tone</b> is the mean sentence tone, from −1 (most negative) through 0 (neutral) "
        + "to +1 (most positive), scored with a VADER-style lexicon plus a news-and-diplomacy "
        + "lexicon. The dot is the mean, coloured red (negative) – white (neutral) – blue "
        + "(positive); the grey bar is its <b>" + pct(p.confidence) + " confidence interval</b> "
        + "(CI, a bootstrap): the range of means the data are compatible with. Bars that overlap "
        + "a lot mean the sources may not really differ: the next section tests that. "
        + "<b>n</b> is the number of sentences; values marked <i>small sample</i> (in brackets in "
        + "the heatmap) rest on fewer sentences than <code>compare.min_sentences</code> and "
        + "deserve caution.");
    List<Row> all = st.stance(ALL);
    if (all.isEmpty()) {
      h.append("<p class=\"empty\">No tone rows for this story.</p>\n</section>\n");
      return;
    }
    String title = "Mean tone of all sentences, by source";
    h.append("<h3>").append(title).append("</h3>\n<div class=\"figure\">\n");
    double[] range = ciRange(all);
    p.chart("tone-all", new Charts.Forest(p.nextId(), title, intervals(all, st.tone),
        "mean sentence tone (−1 negative … +1 positive), with " + pct(p.confidence) + " CI",
        range[0], range[1], tick(range), 640).svg());
    toneTable(h, "tone-all", all, st.tone);
    h.append("</div>\n");

    List<String> themes = st.themes.stream().filter(th -> !st.stance(th).isEmpty()).toList();
    if (themes.isEmpty()) {
      h.append("</section>\n");
      return;
    }
    title = "Mean tone by source and theme";
    h.append("<h3>").append(title).append("</h3>\n<div class=\"figure wide\">\n");
    double[][] values = new double[st.sources.size()][themes.size()];
    String[][] text = new String[st.sources.size()][themes.size()];
    List<String[]> rows = new ArrayList<>();
    for (int r = 0; r < st.sources.size(); r++) {
      String[] row = new String[themes.size() + 1];
      row[0] = Html.escape(st.sources.get(r));
      for (int c = 0; c < themes.size(); c++) {
        Row s = st.stance(st.sources.get(r), themes.get(c));
        double v = s == null ? Double.NaN : dbl(s, "tone_mean");
        values[r][c] = v;
        boolean small = s != null && Boolean.TRUE.equals(s.getAs("small_sample"));
        String shown = Html.signed(v, 2);
        text[r][c] = Double.isNaN(v) ? "–" : small ? "(" + shown + ")" : shown;
        row[c + 1] = heatCell(v, st.tone, s == null ? "–" : Html.signed(v, 2)
            + " <span class=\"n\">n=" + lng(s, "sentences") + "</span>");
      }
      rows.add(row);
    }
    p.chart("tone-heatmap", new Charts.Heatmap(p.nextId(), title, st.sources,
        themes.stream().map(st::label).toList(), values, text, st.tone,
        "mean sentence tone (−1 negative … +1 positive)").svg());
    String[] head = new String[themes.size() + 1];
    head[0] = "source";
    for (int c = 0; c < themes.size(); c++) {
      head[c + 1] = st.label(themes.get(c));
    }
    table(h, "tone-matrix", head, "k" + "n".repeat(themes.size()), rows);
    h.append("</div>\n");

    h.append("<h3>Tone by source, one chart per theme</h3>\n<p class=\"note\">Same scale in "
        + "every chart; sources ordered from most positive to most negative.</p>\n"
        + "<div class=\"grid\">\n");
    List<Row> themed = new ArrayList<>();
    themes.forEach(th -> themed.addAll(st.stance(th)));
    double[] shared = ciRange(themed);
    for (String th : themes) {
      List<Row> rowsOf = st.stance(th);
      String label = st.label(th);
      h.append("<div class=\"card\">\n<h4>").append(Html.escape(label)).append("</h4>\n");
      p.chart("tone-theme", new Charts.Forest(p.nextId(), "Mean tone on " + label + ", by source",
          intervals(rowsOf, st.tone), "mean tone, " + pct(p.confidence) + " CI", shared[0],
          shared[1], tick(shared), 560).svg());
      toneTable(h, "tone-theme", rowsOf, st.tone);
      h.append("</div>\n");
    }
    h.append("</div>\n</section>\n");
  }

  private static void differencesSection(Page p, String sid, Story st) {
    StringBuilder h = p.out;
    h.append("<section id=\"").append(sid).append("-differences\" data-section=\"differences\">\n")
        .append("<h2>Where sources differ in tone</h2>\n");
    howTo(h, "Each row compares two sources on one theme (\"All sentences\" compares them "
        + "overall). The value is the <b>difference in mean tone</b>, shown as the more positive "
        + "source minus the less positive one, so it is never negative; the bar is its "
        + pct(p.confidence) + " bootstrap <b>CI</b>, and a bar that stays clear of 0 points to "
        + "a real difference. <b>p</b> is a permutation-test p-value; <b>q</b> corrects it for "
        + "the many pairs and themes compared at once (Benjamini–Hochberg): a difference counts "
        + "as <b>significant</b> when q &lt; " + fmt(p.fdr) + ", which keeps the expected share "
        + "of false findings among them at " + pct(p.fdr) + ". <b>d</b> is Cohen's effect size "
        + "(0.2 small, 0.5 medium, 0.8 large).");
    List<Diff> diffs = new ArrayList<>();
    for (Row r : st.differences) {
      Diff d = Diff.of(r, st);
      if (d != null) {
        diffs.add(d);
      }
    }
    diffs.sort(Comparator.comparingDouble((Diff d) -> -d.diff).thenComparing(Diff::label));
    List<Diff> significant = diffs.stream().filter(Diff::significant).toList();
    boolean none = significant.isEmpty();
    List<Diff> shown = (none ? diffs : significant).stream()
        .limit(none ? TOP_NOT_SIGNIFICANT : TOP_DIFFERENCES).toList();
    if (shown.isEmpty()) {
      h.append("<p class=\"empty\">No two sources share a theme, so there is nothing to "
          + "compare.</p>\n</section>\n");
      return;
    }
    String title;
    if (none) {
      title = "No significant difference (q < " + fmt(p.fdr) + "): the " + shown.size()
          + " largest differences, all not significant";
    } else {
      title = (significant.size() > shown.size() ? "The " + shown.size() + " largest of "
          + significant.size() : "All " + significant.size()) + " significant tone "
          + (significant.size() == 1 ? "difference" : "differences") + " (q < " + fmt(p.fdr) + ")";
    }
    h.append("<h3>").append(Html.escape(title)).append("</h3>\n");
    h.append("<p class=\"note\">").append(Html.count(diffs.size()))
        .append(" source pairs × themes compared; ").append(Html.count(significant.size()))
        .append(" significant.").append(none ? " Grey dots: not significant." : "")
        .append("</p>\n<div class=\"figure wide\">\n");
    List<Charts.Interval> items = new ArrayList<>();
    double lo = 0;
    double hi = 0;
    for (Diff d : shown) {
      items.add(new Charts.Interval(d.label(), d.diff, d.low, d.high,
          d.significant ? SIGNIFICANT : NOT_SIGNIFICANT));
      lo = Math.min(lo, finiteOr(d.low, d.diff));
      hi = Math.max(hi, finiteOr(d.high, d.diff));
    }
    double[] range = padded(lo, hi);
    p.chart("differences", new Charts.Forest(p.nextId(), title, items,
        "difference in mean tone (more positive − less positive source), with "
            + pct(p.confidence) + " CI", range[0], range[1], tick(range), 1100).svg());
    List<String[]> rows = new ArrayList<>();
    for (Diff d : shown) {
      rows.add(new String[] {Html.escape(d.theme), Html.escape(d.warmer),
          Html.signed(d.toneWarmer, 3), Html.escape(d.cooler), Html.signed(d.toneCooler, 3),
          Html.num(d.diff, 3),
          "[" + Html.signed(d.low, 3) + ", " + Html.signed(d.high, 3) + "]", pValue(d.p),
          pValue(d.q), Html.num(d.effect, 2), d.nWarmer + " / " + d.nCooler,
          (d.significant ? "significant" : "not significant")
              + (d.small ? ", small sample" : "")});
    }
    table(h, "differences", new String[] {"theme", "more positive source", "its tone",
        "less positive source", "its tone", "difference", pct(p.confidence) + " CI", "p", "q",
        "d", "sentences", "note"}, "tknknnnnnnnt", rows);
    h.append("</div>\n</section>\n");
  }

  private static void termsSection(Page p, String sid, Story st) {
    StringBuilder h = p.out;
    h.append("<section id=\"").append(sid).append("-terms\" data-section=\"terms\">\n")
        .append("<h2>Words that set each source apart</h2>\n");
    howTo(h, "The words and two-word phrases each source uses more than the other sources of "
        + "the story, ranked by <b>z</b>: the z-score of the weighted log-odds ratio with an "
        + "informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, \"Fightin' Words\"), "
        + "which discounts rare words. z above about 2 is unlikely to be chance; larger is more "
        + "distinctive. Counts are occurrences in this source and in all the others.");
    Map<String, List<Row>> bySource = new TreeMap<>();
    for (Row r : st.terms) {
      bySource.computeIfAbsent(r.getAs("source"), k -> new ArrayList<>()).add(r);
    }
    if (bySource.isEmpty()) {
      h.append("<p class=\"empty\">No source has terms frequent enough to rank.</p>\n"
          + "</section>\n");
      return;
    }
    Map<String, List<Row>> tops = new TreeMap<>();
    double axisMax = 0;
    for (Map.Entry<String, List<Row>> e : bySource.entrySet()) {
      List<Row> top = e.getValue().stream()
          .sorted(Comparator.comparingLong((Row r) -> lng(r, "rank")))
          .limit(TOP_TERMS).toList();
      tops.put(e.getKey(), top);
      for (Row r : top) {
        axisMax = Math.max(axisMax, finiteOr(dbl(r, "z_score"), 0));
      }
    }
    h.append("<p class=\"note\">Same scale in every chart.</p>\n<div class=\"grid\">\n");
    for (Map.Entry<String, List<Row>> e : tops.entrySet()) {
      List<Row> top = e.getValue();
      String title = "Most distinctive terms of " + e.getKey();
      h.append("<div class=\"card\">\n<h4>").append(Html.escape(e.getKey())).append("</h4>\n");
      p.chart("terms", new Charts.Bars(p.nextId(), title, top.stream()
              .map(r -> new Charts.Bar(r.getAs("term"), dbl(r, "z_score"))).toList(),
          "z-score (log-odds against the other sources)", TERM_BAR, axisMax * 1.15, 560).svg());
      List<String[]> rows = new ArrayList<>();
      for (Row r : top) {
        rows.add(new String[] {String.valueOf(lng(r, "rank")), Html.escape(r.getAs("term")),
            Html.count(lng(r, "count_source")), Html.count(lng(r, "count_rest")),
            Html.num(dbl(r, "log_odds"), 2), Html.num(dbl(r, "z_score"), 2)});
      }
      table(h, "terms", new String[] {"rank", "term", "count here", "count elsewhere",
          "log-odds", "z"}, "nknnnn", rows);
      h.append("</div>\n");
    }
    h.append("</div>\n</section>\n");
  }

  // ---------------------------------------------------------------- pieces

  private static void toneTable(StringBuilder h, String name, List<Row> rows, Palette tone) {
    List<String[]> out = new ArrayList<>();
    for (Row r : sortedByTone(rows)) {
      out.add(new String[] {Html.escape(r.getAs("source")),
          toneCell(dbl(r, "tone_mean"), tone),
          "[" + Html.signed(dbl(r, "tone_ci_low"), 2) + ", "
              + Html.signed(dbl(r, "tone_ci_high"), 2) + "]",
          Html.count(lng(r, "sentences")),
          Boolean.TRUE.equals(r.getAs("small_sample")) ? "small sample" : ""});
    }
    table(h, name, new String[] {"source", "tone", "CI", "n", "note"},
        "knnnt", out);
  }

  private static List<Charts.Interval> intervals(List<Row> rows, Palette tone) {
    List<Charts.Interval> out = new ArrayList<>();
    for (Row r : sortedByTone(rows)) {
      double mean = dbl(r, "tone_mean");
      out.add(new Charts.Interval(r.<String>getAs("source") + " (n=" + lng(r, "sentences") + ")",
          mean,
          dbl(r, "tone_ci_low"), dbl(r, "tone_ci_high"), tone.color(mean)));
    }
    return out;
  }

  private static List<Row> sortedByTone(List<Row> rows) {
    return rows.stream().sorted(Comparator.comparingDouble((Row r) -> {
      double v = dbl(r, "tone_mean");
      return Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v;
    }).thenComparing(r -> r.<String>getAs("source"))).toList();
  }

  /** Lowest CI bound and highest, padded and rounded out to 0.25, within [−1, 1], with 0. */
  private static double[] ciRange(List<Row> rows) {
    double lo = 0;
    double hi = 0;
    for (Row r : rows) {
      double m = dbl(r, "tone_mean");
      lo = Math.min(lo, finiteOr(dbl(r, "tone_ci_low"), finiteOr(m, 0)));
      hi = Math.max(hi, finiteOr(dbl(r, "tone_ci_high"), finiteOr(m, 0)));
    }
    double[] range = padded(lo, hi);
    return new double[] {Math.max(-1, range[0]), Math.min(1, range[1])};
  }

  /** [lo, hi] rounded out to multiples of 0.25, with a little room; a bound at 0 stays there. */
  private static double[] padded(double lo, double hi) {
    double l = lo < 0 ? Math.floor((lo - 0.02) / 0.25) * 0.25 : 0;
    double u = hi > 0 ? Math.ceil((hi + 0.02) / 0.25) * 0.25 : 0;
    return new double[] {l, u == l ? l + 0.25 : u};
  }

  private static double tick(double[] range) {
    return range[1] - range[0] > 1.01 ? 0.25 : 0.1;
  }

  private static String toneCell(double v, Palette tone) {
    return heatCell(v, tone, Html.signed(v, 3));
  }

  /** A table cell's content with its palette colour behind, as an inline-styled span. */
  private static String heatCell(double v, Palette palette, String content) {
    if (Double.isNaN(v)) {
      return content;
    }
    Color bg = palette.color(v);
    return "<span class=\"swatch\" style=\"background:" + Palette.hex(bg) + ";color:"
        + Palette.hex(Palette.textOn(bg)) + "\">" + content + "</span>";
  }

  private static void howTo(StringBuilder h, String html) {
    h.append("<div class=\"howto\"><b class=\"howto-title\">How to read this.</b> ").append(html)
        .append("</div>\n");
  }

  private static void stat(StringBuilder h, long v, String label) {
    h.append("<div class=\"stat\"><b>").append(Html.count(v)).append("</b><span>")
        .append(label).append("</span></div>\n");
  }

  /**
   * A table; cells are HTML already (escaped by the caller), headers are escaped here.
   * {@code kinds} has one letter per column: {@code n} number (right-aligned), {@code k} a key
   * such as a source name (kept on one line), {@code t} text (wraps).
   */
  private static void table(StringBuilder h, String name, String[] head, String kinds,
      List<String[]> rows) {
    h.append("<div class=\"table\"><table data-table=\"").append(name).append("\">\n<thead><tr>");
    for (int i = 0; i < head.length; i++) {
      h.append(kinds.charAt(i) == 'n' ? "<th class=\"num\">" : "<th>")
          .append(Html.escape(head[i])).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (String[] r : rows) {
      h.append("<tr>");
      for (int i = 0; i < r.length; i++) {
        char k = kinds.charAt(i);
        h.append(k == 'n' ? "<td class=\"num\">" : k == 'k' ? "<td class=\"key\">" : "<td>")
            .append(r[i]).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div>\n");
  }

  private static String pValue(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return v < 0.0001 ? "&lt;0.0001" : Html.num(v, 4);
  }

  private static String date(Object v) {
    if (v instanceof Timestamp t) {
      String s = t.toInstant().toString();
      return s.substring(0, Math.min(16, s.length())).replace('T', ' ');
    }
    return v == null ? "–" : Html.escape(v.toString());
  }

  private static String plural(long n, String one, String many) {
    return Html.count(n) + " " + (n == 1 ? one : many);
  }

  private static String pct(double share) {
    return fmt(share * 100) + "%";
  }

  private static String fmt(double v) {
    double r = Math.rint(v * 1e6) / 1e6;
    return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
  }

  private static double finiteOr(double v, double fallback) {
    return Double.isFinite(v) ? v : fallback;
  }

  static double dbl(Row r, String col) {
    Object v = r.getAs(col);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  static long lng(Row r, String col) {
    Object v = r.getAs(col);
    return v instanceof Number n ? n.longValue() : 0;
  }

  // ---------------------------------------------------------------- models

  /** The document being written and the charts in it, numbered c1, c2, … in order. */
  private static final class Page {
    final StringBuilder out = new StringBuilder(1 << 18);
    final double confidence;
    final double fdr;
    int charts;

    Page(double confidence, double fdr) {
      this.confidence = confidence;
      this.fdr = fdr;
    }

    String nextId() {
      return "c" + (charts + 1);
    }

    void chart(String kind, String svg) {
      charts++;
      out.append("<figure class=\"chart\" data-chart=\"").append(kind).append("\">")
          .append(svg).append("</figure>\n");
    }
  }

  /** One story's rows, its sources, its story themes (most mentioned first) and tone palette. */
  private static final class Story {
    final String story;
    final List<Row> summary;
    final List<Row> differences;
    final List<Row> terms;
    final List<String> sources;
    final List<String> themes;
    final Map<String, String> labels = new TreeMap<>();
    final Map<String, Double> rates = new LinkedHashMap<>();
    final Map<String, List<Row>> stanceByTheme = new TreeMap<>();
    /** Diverging, centred at 0, half-width the largest |tone_mean| rounded up to 0.25. */
    final Palette tone;

    private Story(String story, Tables t) {
      this.story = story;
      summary = of(t.sourceSummary(), story);
      summary.sort(Comparator.comparing(r -> r.<String>getAs("source")));
      differences = of(t.stanceDifference(), story);
      terms = of(t.distinctiveTerms(), story);
      sources = summary.stream().map(r -> r.<String>getAs("source")).toList();
      Map<String, Long> mentions = new TreeMap<>();
      for (Row r : of(t.themeFrequency(), story)) {
        String theme = r.getAs("theme");
        Object label = r.getAs("theme_label");
        if (label != null) {
          labels.put(theme, label.toString());
        }
        if (!storyTheme(r)) {
          continue;
        }
        mentions.merge(theme, lng(r, "mentions"), Long::sum);
        rates.put(r.<String>getAs("source") + "\u0000" + theme, dbl(r, "rate_per_1k_tokens"));
      }
      List<String> ordered = new ArrayList<>(mentions.keySet());
      ordered.sort(Comparator.comparing((String th) -> -mentions.get(th))
          .thenComparing(Comparator.naturalOrder()));
      themes = ordered;
      double bound = 0;
      for (Row r : of(t.stanceBySource(), story)) {
        stanceByTheme.computeIfAbsent(r.getAs("theme"), k -> new ArrayList<>()).add(r);
        double m = dbl(r, "tone_mean");
        String theme = r.getAs("theme");
        if (Double.isFinite(m) && (ALL.equals(theme) || mentions.containsKey(theme))) {
          bound = Math.max(bound, Math.abs(m));
        }
      }
      tone = Palette.diverging(Math.max(0.25, Math.ceil(bound * 4 - 1e-9) / 4));
    }

    static Story of(String story, Tables t) {
      return new Story(story, t);
    }

    private static boolean storyTheme(Row r) {
      if (java.util.Arrays.asList(r.schema().fieldNames()).contains("story_theme")
          && r.getAs("story_theme") != null) {
        return Boolean.TRUE.equals(r.getAs("story_theme"));
      }
      return !r.<String>getAs("theme").startsWith(FRAME_PREFIX);
    }

    String label(String theme) {
      return ALL.equals(theme) ? "All sentences" : labels.getOrDefault(theme, theme);
    }

    List<String> themeLabels() {
      return themes.stream().map(this::label).toList();
    }

    double rate(String source, String theme) {
      Double v = rates.get(source + "\u0000" + theme);
      return v == null ? Double.NaN : v;
    }

    List<Row> stance(String theme) {
      return stanceByTheme.getOrDefault(theme, List.of());
    }

    Row stance(String source, String theme) {
      for (Row r : stance(theme)) {
        if (source.equals(r.getAs("source"))) {
          return r;
        }
      }
      return null;
    }

    private static List<Row> of(List<Row> rows, String story) {
      return new ArrayList<>(rows.stream().filter(r -> story.equals(r.getAs("story"))).toList());
    }
  }

  /** A stance difference turned so that the first source is the more positive one. */
  private record Diff(String theme, String warmer, String cooler, double toneWarmer,
      double toneCooler, double diff, double low, double high, double p, double q, double effect,
      long nWarmer, long nCooler, boolean significant, boolean small) {

    static Diff of(Row r, Story st) {
      double d = dbl(r, "tone_diff");
      if (Double.isNaN(d)) {
        return null;
      }
      String theme = st.label(r.getAs("theme"));
      boolean flip = d < 0;
      String a = r.getAs("source_a");
      String b = r.getAs("source_b");
      double lo = dbl(r, "ci_low");
      double hi = dbl(r, "ci_high");
      return new Diff(theme, flip ? b : a, flip ? a : b,
          dbl(r, flip ? "tone_mean_b" : "tone_mean_a"), dbl(r, flip ? "tone_mean_a" : "tone_mean_b"),
          Math.abs(d), flip ? -hi : lo, flip ? -lo : hi, dbl(r, "p_value"), dbl(r, "q_value"),
          Math.abs(dbl(r, "effect_size")), lng(r, flip ? "sentences_b" : "sentences_a"),
          lng(r, flip ? "sentences_a" : "sentences_b"),
          Boolean.TRUE.equals(r.getAs("significant")), Boolean.TRUE.equals(r.getAs("small_sample")));
    }

    String label() {
      return theme + ": " + warmer + " vs " + cooler;
    }
  }

  private static final String CSS = """
      :root{--ink:#1f2933;--muted:#5f6b7a;--rule:#d9dee5;--soft:#f4f6f9;--accent:#1b6f8a}
      *{box-sizing:border-box}
      body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
      main{max-width:1240px;margin:0 auto;padding:24px 28px 56px}
      h1{font-size:30px;margin:0 0 4px}
      h2{font-size:22px;margin:40px 0 10px;padding-top:14px;border-top:2px solid var(--rule)}
      h2.story{font-size:26px;border-top:4px solid var(--accent);margin-top:48px}
      h2.story+section>h2{border-top:none;margin-top:8px;padding-top:0}
      h3{font-size:17px;margin:22px 0 8px}
      h4{font-size:15px;margin:0 0 6px}
      .lede{color:var(--muted);margin:0 0 12px;font-size:16px}
      nav{display:flex;flex-wrap:wrap;gap:6px 14px;padding:8px 0;border-bottom:1px solid var(--rule);font-size:14px}
      nav a{color:var(--accent);text-decoration:none}
      nav a:hover{text-decoration:underline}
      nav .sep{color:var(--muted);margin-left:10px}
      .howto{background:var(--soft);border-left:4px solid var(--accent);padding:8px 14px;margin:8px 0 14px;font-size:14px;max-width:1000px}
      .howto-title{color:var(--accent)}
      .note{color:var(--muted);font-size:14px;margin:0 0 8px}
      .empty{color:var(--muted);font-style:italic}
      .muted{color:var(--muted)}
      .stats{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}
      .stat{border:1px solid var(--rule);border-radius:6px;padding:8px 14px;min-width:128px}
      .stat b{display:block;font-size:24px;font-variant-numeric:tabular-nums}
      .stat span{color:var(--muted);font-size:13px}
      .flow{font-size:14px}
      .figure{display:flex;flex-wrap:wrap;gap:16px 24px;align-items:flex-start;margin-bottom:10px}
      .figure.wide{flex-direction:column;flex-wrap:nowrap}
      figure.chart{margin:0;max-width:100%}
      figure.chart svg{display:block;max-width:100%;height:auto}
      .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(540px,1fr));gap:16px}
      .card{border:1px solid var(--rule);border-radius:6px;padding:10px 12px;min-width:0}
      .table{max-width:100%;overflow-x:auto}
      table{border-collapse:collapse;font-size:13px;font-variant-numeric:tabular-nums;margin:4px 0}
      th,td{padding:3px 8px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
      td.key{white-space:nowrap}
      th{font-weight:600;background:var(--soft);position:sticky;top:0}
      .num{text-align:right}
      td.num{white-space:nowrap}
      .swatch{display:inline-block;padding:0 5px;border-radius:3px}
      .n{opacity:.75;font-size:11px}
      details{margin:8px 0}
      summary{cursor:pointer;color:var(--accent)}
      code{font-size:13px;background:var(--soft);padding:0 3px;border-radius:3px}
      footer{margin-top:48px;padding-top:12px;border-top:1px solid var(--rule);color:var(--muted);font-size:13px}
      @media print{nav{display:none}.card,figure.chart{break-inside:avoid}}
      """;
}
