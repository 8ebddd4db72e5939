package dev.parallax.report;

import dev.parallax.warehouse.schema.SourceSummaryColumns;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * {@code report.html}: the self-contained HTML report of one run date, for an analyst who has not
 * read the code. Rendered on the driver from the collected compare tables (addressed by their
 * public column names) and a digest of the ingest tables.
 *
 * <p>Sections ({@link Section}, one class each): the run ({@link RunSection}: input reconciliation,
 * rejects by reason), then per story ({@link Story}): {@link SourcesSection} (its sources and their
 * articles); {@link AttentionSection} (the story's articles per day by source, from the timeline);
 * {@link SyndicationSection} (who reprinted whom: the story's groups of exact and near copies);
 * {@link RateHeatmapSection} (a source × theme heatmap of mentions per 1,000 tokens, story themes
 * only); {@link ToneSection} (tone by source, {@code _all}, with confidence intervals, beside it
 * the tone in the source's own words, a source × theme tone heatmap and one small-multiple chart
 * per theme); {@link ToneOverTimeSection} (the mean tone per day, sources pooled, over all
 * sentences and the top themes); {@link DifferencesSection} (the significant stance differences,
 * else the largest, marked not significant, as a sorted chart with intervals, then the same in the
 * writers' own words as a table); {@link QuotedSpeakersSection} (whom each source quotes: a source
 * × speaker share heatmap and each source's top speakers); {@link TermsSection} (the top
 * distinctive terms per source). Only the {@code all} voice of the stance tables is drawn unless a
 * section says otherwise (see {@link Story}). Every section has a heading and a short "how to read
 * this", written here; every chart ({@link Charts}, an inline {@code <svg>}) has its numbers in an
 * HTML table next to it.
 *
 * <p>The page's header names the window of run dates the compare tables cover and the run dates in
 * it without sentences ({@link ReportWindow}).
 *
 * <p>Self-contained: inline CSS (the resource {@value #CSS_RESOURCE}) and SVG only, no script, no
 * external URL (a Content-Security-Policy meta tag also forbids loading anything). All corpus text
 * (sources, titles, terms, theme labels, speakers, reject reasons) is escaped by {@link
 * HtmlBuilder} (through {@link Html#escape}) in HTML and by JFreeSVG inside the charts. The output
 * is deterministic: the same tables give the same bytes.
 *
 * <p>Why a small builder of our own rather than jsoup's DOM (jsoup is a dependency): the page is
 * written once, in order, and never queried or edited, so a tree buys nothing; the builder writes
 * exactly the bytes it is given, while jsoup's serializer decides its own escaping (it leaves
 * {@code "} and {@code '} in text as they are, and writes {@code '} in the CSP attribute
 * differently) and whitespace, and would have to re-parse or wrap the charts' SVG. The builder
 * keeps the page byte-for-byte what it was, with one escape function for everything.
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

  /** Class-path resource of the page's stylesheet, inlined into {@code <style>}. */
  static final String CSS_RESOURCE = "/parallax/report.css";

  private static final String CSS = resource(CSS_RESOURCE);

  /**
   * Input counts of the run date's ingest; {@code input = accepted + rejected}; {@code duplicates}
   * (exact) and {@code nearDuplicates} are parts of {@code accepted}.
   */
  record RunCounts(long accepted, long rejected, long duplicates, long nearDuplicates) {
    long input() {
      return accepted + rejected;
    }
  }

  /** Rejected records of one reason code, with the first one (by file and record) as example. */
  record RejectReason(
      String code,
      long records,
      long files,
      String exampleFile,
      String exampleRef,
      String exampleReason) {}

  /**
   * One accepted article, as listed under its story.
   *
   * @param language articles.language, or null when unknown
   * @param duplicate an exact duplicate ({@code duplicate_of} set)
   * @param nearDuplicate a near duplicate ({@code near_duplicate_of} set)
   * @param analysed false for an article that is not a duplicate of either kind and has no sentence
   *     (true when the sentences table is missing, which says nothing either way)
   */
  record Article(
      String story,
      String source,
      String title,
      Timestamp published,
      boolean duplicate,
      boolean nearDuplicate,
      String language,
      boolean analysed) {}

  /**
   * One row of the stories table, as listed in the run section.
   *
   * @param label top terms, or null (declared and unassigned stories)
   * @param notComparedReason why compare skips it, or null when it is compared
   */
  record StoryRow(
      String story,
      String kind,
      String label,
      long articles,
      long sources,
      boolean compared,
      String notComparedReason) {}

  /** Accepted articles of one language (articles.language; "unknown" when null). */
  record LanguageCount(String language, long articles) {}

  /**
   * What the ingest tables say about the run date.
   *
   * @param articles accepted articles in story, source, date order; {@link #MAX_ARTICLES} per story
   *     are listed, one more says the list is cut
   * @param notAnalysed articles that are not exact duplicates and have no sentence, by language in
   *     language order; null when the sentences table has no partition for the date
   * @param stories the stories table's rows, largest first; null when it has no partition for the
   *     date (a warehouse written before stories existed)
   */
  record Ingest(
      RunCounts counts,
      List<RejectReason> rejects,
      List<Article> articles,
      List<LanguageCount> notAnalysed,
      List<StoryRow> stories) {

    /** Articles not analysed over every language; 0 when unknown. */
    long notAnalysedTotal() {
      return notAnalysed == null
          ? 0
          : notAnalysed.stream().mapToLong(LanguageCount::articles).sum();
    }
  }

  /**
   * The compare tables of one run date, rows in any order (the stance tables with both voices), the
   * timeline (null when it has no partition for the date: compare ran before it existed), the
   * syndication table (null when it has no partition for the date) and the window of run dates the
   * compare tables cover (null when they do not say).
   */
  record Tables(
      List<Row> themeFrequency,
      List<Row> stanceBySource,
      List<Row> stanceDifference,
      List<Row> distinctiveTerms,
      List<Row> sourceSummary,
      List<Row> quotedSpeakers,
      List<Row> timeline,
      List<Row> syndication,
      ReportWindow window) {}

  /**
   * The whole document.
   *
   * @param ingest the ingest digest, or null when the articles or rejects partition is missing
   * @param confidence interval coverage the tables were computed with, in (0, 1)
   * @param fdr the q-value threshold of {@code significant}
   */
  static String render(LocalDate runDate, double confidence, double fdr, Ingest ingest, Tables t) {
    Page page = new Page(confidence, fdr);
    TreeSet<String> names = new TreeSet<>();
    t.sourceSummary().forEach(r -> names.add(r.getAs(SourceSummaryColumns.STORY)));
    long sentences =
        t.sourceSummary().stream()
            .mapToLong(r -> Blocks.lng(r, SourceSummaryColumns.SENTENCES))
            .sum();
    long analysed =
        t.sourceSummary().stream()
            .mapToLong(r -> Blocks.lng(r, SourceSummaryColumns.ARTICLES))
            .sum();
    long sources =
        t.sourceSummary().stream()
            .map(r -> r.<String>getAs(SourceSummaryColumns.SOURCE))
            .distinct()
            .count();
    List<Story> stories = new ArrayList<>();
    for (String name : names) {
      stories.add(new Story(name, "s" + (stories.size() + 1), t));
    }
    Section run = new RunSection(ingest, analysed, sentences, sources, stories.size());

    HtmlBuilder h = page.html;
    h.markup(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src data:\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.element("title", "Parallax report, run date " + runDate).nl();
    h.open("style")
        .markup(CSS)
        .close("style")
        .nl()
        .close("head")
        .nl()
        .open("body")
        .nl()
        .open("main")
        .nl();
    h.open("header").nl().element("h1", "Parallax report").nl();
    h.open("p", "class", "lede")
        .text("How different sources covered the same story: run date ")
        .element("b", runDate.toString())
        .text(
            " · "
                + Blocks.plural(stories.size(), "story", "stories")
                + " · "
                + Blocks.plural(sources, "source", "sources")
                + " · "
                + Blocks.plural(analysed, "article", "articles")
                + " analysed · "
                + Blocks.plural(sentences, "sentence", "sentences"))
        .close("p")
        .nl();
    if (t.window() != null) {
      Blocks.paragraph(h, "lede window", t.window().text() + ".");
    }
    nav(h, run, stories);
    h.close("header").nl();

    section(page, run.key(), run);
    for (Story st : stories) {
      h.element("h2", "Story: " + st.story, "class", "story", "id", st.id).nl();
      for (Section s : sections(st, ingest)) {
        section(page, st.id + "-" + s.key(), s);
      }
    }
    if (stories.isEmpty()) {
      Blocks.paragraph(h, "empty", "No sentences for this run date: the compare tables are empty.");
    }
    h.element(
            "footer",
            "Made by Parallax from the tables of run date "
                + runDate
                + " (theme_frequency, stance_by_source, stance_difference, distinctive_terms, "
                + "source_summary, quoted_speakers, timeline; CSV copies beside this file). "
                + "Intervals: "
                + Blocks.pct(confidence)
                + " percentile bootstrap; significance: Benjamini–Hochberg q < "
                + Blocks.fmt(fdr)
                + ".")
        .nl()
        .close("main")
        .nl()
        .close("body")
        .nl()
        .close("html")
        .nl();
    return h.toString();
  }

  /** A story's sections, in page order. */
  private static List<Section> sections(Story st, Ingest ingest) {
    return List.of(
        new SourcesSection(st, ingest),
        new AttentionSection(st),
        new SyndicationSection(st),
        new RateHeatmapSection(st),
        new ToneSection(st),
        new ToneOverTimeSection(st),
        new DifferencesSection(st),
        new QuotedSpeakersSection(st),
        new TermsSection(st));
  }

  /** The frame every section shares: anchor, heading, "how to read this", then its body. */
  private static void section(Page page, String id, Section s) {
    HtmlBuilder h = page.html;
    h.open("section", "id", id, "data-section", s.key()).nl().element("h2", s.heading()).nl();
    Blocks.howTo(h, s.howTo(page));
    s.body(page);
    h.close("section").nl();
  }

  /** Links to the run and to every section of every story, story names between when several. */
  private static void nav(HtmlBuilder h, Section run, List<Story> stories) {
    h.open("nav").element("a", run.nav(), "href", "#" + run.key());
    for (Story st : stories) {
      if (stories.size() > 1) {
        h.element("span", st.story + ":", "class", "sep");
      }
      for (Section s : sections(st, null)) {
        h.element("a", s.nav(), "href", "#" + st.id + "-" + s.key());
      }
    }
    h.close("nav").nl();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + name, e);
    }
  }
}
