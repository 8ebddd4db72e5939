package dev.parallax.report;

import dev.parallax.warehouse.schema.DistinctiveTermsColumns;
import dev.parallax.warehouse.schema.QuotedSpeakersColumns;
import dev.parallax.warehouse.schema.SourceSummaryColumns;
import dev.parallax.warehouse.schema.StanceBySourceColumns;
import dev.parallax.warehouse.schema.StanceDifferenceColumns;
import dev.parallax.warehouse.schema.SyndicationColumns;
import dev.parallax.warehouse.schema.ThemeFrequencyColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/**
 * The Markdown summary of one run date: the window of run dates it covers (with the run dates in it
 * that have no sentences), then per story: the sources (with their language), the source × theme
 * matrix of mentions per 1,000 tokens (story themes only, not the general {@code frame_*} themes),
 * the largest stance differences over all sentences (voice {@code all}), who is quoted (each
 * source's {@value #TOP_SPEAKERS} most quoted speakers), and the top distinctive terms per source.
 * Rendered on the driver from the collected compare tables, addressed by their public column names.
 * Outside the sources table, a source is named with its language in brackets, {@code 東都新聞 (ja)}.
 */
final class SummaryMarkdown {
  private SummaryMarkdown() {}

  /** Stance differences listed per story. */
  static final int TOP_DIFFERENCES = 10;

  /** Distinctive terms listed per source. */
  static final int TOP_TERMS = 5;

  /** Reprints listed per story. */
  static final int TOP_REPRINTS = 10;

  /** Quoted speakers listed per source. */
  static final int TOP_SPEAKERS = 3;

  /**
   * The compare tables of one run date, rows in any order (stance_difference with both voices), the
   * syndication table (null when it has no partition) and the window of run dates the compare
   * tables cover (null when they do not say).
   */
  record Tables(
      List<Row> themeFrequency,
      List<Row> stanceDifference,
      List<Row> distinctiveTerms,
      List<Row> sourceSummary,
      List<Row> quotedSpeakers,
      List<Row> syndication,
      ReportWindow window) {}

  static String render(LocalDate runDate, double confidence, double fdr, Tables t) {
    return render(runDate, confidence, fdr, t, null);
  }

  /**
   * The summary, with the stories table's rows listed first ({@code storyRows} null: the table is
   * missing, no list).
   */
  static String render(
      LocalDate runDate,
      double confidence,
      double fdr,
      Tables t,
      List<HtmlReport.StoryRow> storyRows) {
    StringBuilder md = new StringBuilder();
    md.append("# Parallax summary, run date ").append(runDate).append("\n");
    if (t.window() != null) {
      md.append("\n").append(t.window().text()).append(".\n");
    }
    if (storyRows != null) {
      storyList(md, storyRows);
    }
    TreeSet<String> stories = new TreeSet<>();
    for (Row r : t.sourceSummary()) {
      stories.add(r.getAs(SourceSummaryColumns.STORY));
    }
    if (stories.isEmpty()) {
      md.append("\nNo sentences for this run date.\n");
    }
    for (String story : stories) {
      md.append("\n## Story: ").append(escape(story)).append("\n");
      List<Row> themeFrequency = of(t.themeFrequency(), ThemeFrequencyColumns.STORY, story);
      sources(md, of(t.sourceSummary(), SourceSummaryColumns.STORY, story));
      rates(md, themeFrequency);
      differences(
          md,
          of(t.stanceDifference(), StanceDifferenceColumns.STORY, story).stream()
              .filter(SummaryMarkdown::allVoices)
              .toList(),
          labels(themeFrequency),
          confidence,
          fdr);
      quoted(
          md,
          of(t.quotedSpeakers(), QuotedSpeakersColumns.STORY, story),
          of(t.sourceSummary(), SourceSummaryColumns.STORY, story));
      terms(md, of(t.distinctiveTerms(), DistinctiveTermsColumns.STORY, story));
      if (t.syndication() != null) {
        reprints(md, of(t.syndication(), SyndicationColumns.STORY, story));
      }
    }
    return md.toString();
  }

  /** Who reprinted whom, largest groups first; nothing when the story has no copy. */
  private static void reprints(StringBuilder md, List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    md.append("\n### Reprints\n\n");
    md.append(
        "Copies of another article of the run (exact: same text; near: Jaccard index of"
            + " shingles at least dedup.near_duplicate_threshold); all in syndication.csv.\n\n");
    md.append("| original | reprinted by | match | similarity |\n");
    md.append("|---|---|---|---:|\n");
    rows.sort(
        Comparator.comparingLong(
                (Row r) -> -r.<Long>getAs(SyndicationColumns.GROUP_ARTICLES).longValue())
            .thenComparing(r -> r.<String>getAs(SyndicationColumns.GROUP_ID))
            .thenComparing(r -> r.<String>getAs(SyndicationColumns.SOURCE))
            .thenComparing(r -> r.<String>getAs(SyndicationColumns.ARTICLE_ID)));
    for (Row r : rows.subList(0, Math.min(TOP_REPRINTS, rows.size()))) {
      md.append("| ")
          .append(escape(r.getAs(SyndicationColumns.CANONICAL_SOURCE)))
          .append(" | ")
          .append(escape(r.getAs(SyndicationColumns.SOURCE)))
          .append(" | ")
          .append(escape(r.getAs(SyndicationColumns.MATCH)))
          .append(" | ")
          .append(
              String.format(Locale.ROOT, "%.2f", r.<Double>getAs(SyndicationColumns.SIMILARITY)))
          .append(" |\n");
    }
    if (rows.size() > TOP_REPRINTS) {
      md.append("\n").append(rows.size() - TOP_REPRINTS).append(" more in syndication.csv.\n");
    }
  }

  private static void storyList(StringBuilder md, List<HtmlReport.StoryRow> rows) {
    md.append("\n## Stories\n\n| story | kind | label | articles | sources | compared |\n");
    md.append("|---|---|---|---:|---:|---|\n");
    for (HtmlReport.StoryRow r : rows) {
      md.append("| ")
          .append(escape(r.story()))
          .append(" | ")
          .append(r.kind())
          .append(" | ")
          .append(r.label() == null ? "" : escape(r.label()))
          .append(" | ")
          .append(r.articles())
          .append(" | ")
          .append(r.sources())
          .append(" | ")
          .append(r.compared() ? "yes" : "no: " + escape(r.notComparedReason()))
          .append(" |\n");
    }
  }

  private static void sources(StringBuilder md, List<Row> rows) {
    md.append("\n### Sources\n\n");
    md.append(
        "| source | language | articles | sentences | toned sentences | tokens | tone mean | "
            + "first published | last published | top themes |\n"
            + "|---|---|---:|---:|---:|---:|---:|---|---|---|\n");
    rows.sort(Comparator.comparing(r -> r.<String>getAs(SourceSummaryColumns.SOURCE)));
    for (Row r : rows) {
      List<Object> top =
          r.isNullAt(r.fieldIndex(SourceSummaryColumns.TOP_THEMES))
              ? List.of()
              : r.getList(r.fieldIndex(SourceSummaryColumns.TOP_THEMES));
      md.append("| ")
          .append(escape(r.getAs(SourceSummaryColumns.SOURCE)))
          .append(" | ")
          .append(orNa(Blocks.str(r, SourceSummaryColumns.LANGUAGE)))
          .append(" | ")
          .append(r.<Object>getAs(SourceSummaryColumns.ARTICLES))
          .append(" | ")
          .append(r.<Object>getAs(SourceSummaryColumns.SENTENCES))
          .append(" | ")
          .append(orNa(Blocks.str(r, SourceSummaryColumns.TONED_SENTENCES)))
          .append(" | ")
          .append(r.<Object>getAs(SourceSummaryColumns.TOKENS))
          .append(" | ")
          .append(num(r.getAs(SourceSummaryColumns.TONE_MEAN), 3))
          .append(" | ")
          .append(time(r.getAs(SourceSummaryColumns.FIRST_PUBLISHED)))
          .append(" | ")
          .append(time(r.getAs(SourceSummaryColumns.LAST_PUBLISHED)))
          .append(" | ")
          .append(escape(top.stream().map(String::valueOf).collect(Collectors.joining(", "))))
          .append(" |\n");
    }
  }

  private static void rates(StringBuilder md, List<Row> rows) {
    Map<String, Long> mentions = new TreeMap<>();
    Map<String, String> labels = new TreeMap<>();
    Map<String, Map<String, Double>> rate = new TreeMap<>();
    for (Row r : rows) {
      String theme = r.getAs(ThemeFrequencyColumns.THEME);
      if (ThemeIds.isFrame(theme)) {
        continue;
      }
      mentions.merge(
          theme, ((Number) r.getAs(ThemeFrequencyColumns.MENTIONS)).longValue(), Long::sum);
      Object label = r.getAs(ThemeFrequencyColumns.THEME_LABEL);
      labels.put(theme, label == null ? theme : label.toString());
      rate.computeIfAbsent(
              named(r.getAs(ThemeFrequencyColumns.SOURCE), r, ThemeFrequencyColumns.LANGUAGE),
              k -> new TreeMap<>())
          .put(theme, r.getAs(ThemeFrequencyColumns.RATE_PER_1K_TOKENS));
    }
    md.append("\n### Theme mentions per 1,000 tokens\n\n");
    if (mentions.isEmpty()) {
      md.append("No story theme is mentioned.\n");
      return;
    }
    md.append(
        "Tokens are counted by each language's tokeniser: compare rates between sources of one "
            + "language.\n\n");
    List<String> themes = new ArrayList<>(mentions.keySet());
    themes.sort(
        Comparator.comparing((String th) -> -mentions.get(th))
            .thenComparing(Comparator.naturalOrder()));
    md.append("| source |");
    for (String th : themes) {
      md.append(' ').append(escape(labels.get(th))).append(" |");
    }
    md.append("\n|---|").append("---:|".repeat(themes.size())).append('\n');
    for (Map.Entry<String, Map<String, Double>> e : rate.entrySet()) {
      md.append("| ").append(e.getKey()).append(" |");
      for (String th : themes) {
        md.append(' ').append(num(e.getValue().get(th), 2)).append(" |");
      }
      md.append('\n');
    }
  }

  private static void differences(
      StringBuilder md, List<Row> rows, Map<String, String> labels, double confidence, double fdr) {
    List<Row> withDiff =
        new ArrayList<>(
            rows.stream().filter(r -> r.getAs(StanceDifferenceColumns.TONE_DIFF) != null).toList());
    withDiff.sort(
        Comparator.comparing(
                (Row r) -> -Math.abs(r.<Double>getAs(StanceDifferenceColumns.TONE_DIFF)))
            .thenComparing(r -> r.<String>getAs(StanceDifferenceColumns.THEME))
            .thenComparing(r -> r.<String>getAs(StanceDifferenceColumns.SOURCE_A))
            .thenComparing(r -> r.<String>getAs(StanceDifferenceColumns.SOURCE_B)));
    List<Row> significant =
        withDiff.stream()
            .filter(r -> Boolean.TRUE.equals(r.getAs(StanceDifferenceColumns.SIGNIFICANT)))
            .toList();
    boolean none = significant.isEmpty();
    List<Row> shown = (none ? withDiff : significant).stream().limit(TOP_DIFFERENCES).toList();
    md.append("\n### Largest stance differences");
    md.append(
        none
            ? " (none significant at q < " + fmt(fdr) + "; largest shown)"
            : " (significant at q < " + fmt(fdr) + ")");
    md.append("\n\n");
    if (shown.isEmpty()) {
      md.append("No pair of sources with a tone shares a theme.\n");
      return;
    }
    md.append("Tone in [-1, 1]; difference = source A minus source B, with its ")
        .append(fmt(confidence * 100))
        .append(
            "% bootstrap interval; q: Benjamini-Hochberg "
                + "adjusted permutation p-value. Theme \"all sentences\" compares whole sources. "
                + "Only sentences with a tone are compared: a source whose language has no tone "
                + "lexicon is in no pair. Over all sentences, quotes included; the comparison "
                + "in the writers' own words (voice authorial) is in stance_difference.csv "
                + "and report.html.\n\n");
    md.append(
        "| theme | source A | source B | tone A | tone B | difference | interval | p | q "
            + "| toned sentences A / B | note |\n|---|---|---|---:|---:|---:|---|---:|---:|---:|---|\n");
    for (Row r : shown) {
      String theme = r.getAs(StanceDifferenceColumns.THEME);
      List<String> notes = new ArrayList<>();
      if (!Boolean.TRUE.equals(r.getAs(StanceDifferenceColumns.SIGNIFICANT))) {
        notes.add("not significant");
      }
      if (Boolean.TRUE.equals(r.getAs(StanceDifferenceColumns.SMALL_SAMPLE))) {
        notes.add("small sample");
      }
      md.append("| ")
          .append(
              ThemeIds.ALL.equals(theme)
                  ? "all sentences"
                  : escape(labels.getOrDefault(theme, theme)))
          .append(" | ")
          .append(
              named(
                  r.getAs(StanceDifferenceColumns.SOURCE_A), r, StanceDifferenceColumns.LANGUAGE_A))
          .append(" | ")
          .append(
              named(
                  r.getAs(StanceDifferenceColumns.SOURCE_B), r, StanceDifferenceColumns.LANGUAGE_B))
          .append(" | ")
          .append(num(r.getAs(StanceDifferenceColumns.TONE_MEAN_A), 3))
          .append(" | ")
          .append(num(r.getAs(StanceDifferenceColumns.TONE_MEAN_B), 3))
          .append(" | ")
          .append(num(r.getAs(StanceDifferenceColumns.TONE_DIFF), 3))
          .append(" | [")
          .append(num(r.getAs(StanceDifferenceColumns.CI_LOW), 3))
          .append(", ")
          .append(num(r.getAs(StanceDifferenceColumns.CI_HIGH), 3))
          .append("]")
          .append(" | ")
          .append(num(r.getAs(StanceDifferenceColumns.P_VALUE), 4))
          .append(" | ")
          .append(num(r.getAs(StanceDifferenceColumns.Q_VALUE), 4))
          .append(" | ")
          .append(
              toned(
                  r,
                  StanceDifferenceColumns.TONED_SENTENCES_A,
                  StanceDifferenceColumns.SENTENCES_A))
          .append(" / ")
          .append(
              toned(
                  r,
                  StanceDifferenceColumns.TONED_SENTENCES_B,
                  StanceDifferenceColumns.SENTENCES_B))
          .append(" | ")
          .append(String.join(", ", notes))
          .append(" |\n");
    }
  }

  /** A stance_difference row over every sentence: voice {@code all}, or no voice column. */
  private static boolean allVoices(Row r) {
    String voice = Blocks.str(r, StanceDifferenceColumns.VOICE);
    return voice == null || StanceBySourceColumns.VOICE_ALL.equals(voice);
  }

  /** Each source's most quoted speakers with their share of its quotes, sources by name. */
  private static void quoted(StringBuilder md, List<Row> rows, List<Row> summary) {
    md.append("\n### Who is quoted (top ").append(TOP_SPEAKERS).append(" speakers per source)\n\n");
    if (rows.isEmpty()) {
      md.append("No quotes found in this story's articles.\n");
      return;
    }
    Map<String, String> languages = new TreeMap<>();
    for (Row r : summary) {
      String language = Blocks.str(r, SourceSummaryColumns.LANGUAGE);
      if (language != null) {
        languages.put(r.getAs(SourceSummaryColumns.SOURCE), language);
      }
    }
    Map<String, List<Row>> bySource = new TreeMap<>();
    for (Row r : rows) {
      bySource
          .computeIfAbsent(r.getAs(QuotedSpeakersColumns.SOURCE), k -> new ArrayList<>())
          .add(r);
    }
    md.append(
        "Quotes are direct quotations and attributed statements; the share is of the source's "
            + "quotes in the story; \"unattributed\" counts the quotes nobody is named for. All "
            + "speakers in quoted_speakers.csv.\n\n| source | quotes | top speakers |\n"
            + "|---|---:|---|\n");
    for (Map.Entry<String, List<Row>> e : bySource.entrySet()) {
      List<Row> ranked =
          e.getValue().stream()
              .sorted(
                  Comparator.comparingLong(
                      r -> Blocks.lng(r, QuotedSpeakersColumns.RANK_IN_SOURCE)))
              .toList();
      String top =
          ranked.stream()
              .limit(TOP_SPEAKERS)
              .map(
                  r -> {
                    String speaker = r.getAs(QuotedSpeakersColumns.SPEAKER);
                    String affiliation = r.getAs(QuotedSpeakersColumns.AFFILIATION);
                    return (speaker == null ? "unattributed" : escape(speaker))
                        + (affiliation == null ? "" : " (" + escape(affiliation) + ")")
                        + " "
                        + String.format(
                            Locale.ROOT,
                            "%.0f%%",
                            100 * Blocks.dbl(r, QuotedSpeakersColumns.SHARE_OF_SOURCE_QUOTES))
                        + " ("
                        + Blocks.lng(r, QuotedSpeakersColumns.QUOTES)
                        + ")";
                  })
              .collect(Collectors.joining(", "));
      String language = languages.get(e.getKey());
      md.append("| ")
          .append(escape(e.getKey()))
          .append(language == null ? "" : " (" + escape(language) + ")")
          .append(" | ")
          .append(Blocks.lng(ranked.get(0), QuotedSpeakersColumns.SOURCE_QUOTES))
          .append(" | ")
          .append(top)
          .append(" |\n");
    }
  }

  private static void terms(StringBuilder md, List<Row> rows) {
    Map<String, List<Row>> bySource = new TreeMap<>();
    for (Row r : rows) {
      bySource
          .computeIfAbsent(
              named(r.getAs(DistinctiveTermsColumns.SOURCE), r, DistinctiveTermsColumns.LANGUAGE),
              k -> new ArrayList<>())
          .add(r);
    }
    md.append("\n### Distinctive terms (top ").append(TOP_TERMS).append(" per source)\n\n");
    if (bySource.isEmpty()) {
      md.append("No source has terms frequent enough to rank.\n");
      return;
    }
    md.append(
        "Weighted log-odds with an informative Dirichlet prior, each source against the "
            + "rest of the story; z in brackets.\n\n| source | terms |\n|---|---|\n");
    for (Map.Entry<String, List<Row>> e : bySource.entrySet()) {
      String list =
          e.getValue().stream()
              .sorted(
                  Comparator.comparing(
                      r -> ((Number) r.getAs(DistinctiveTermsColumns.RANK)).longValue()))
              .limit(TOP_TERMS)
              .map(
                  r ->
                      escape(r.getAs(DistinctiveTermsColumns.TERM))
                          + " ("
                          + num(r.getAs(DistinctiveTermsColumns.Z_SCORE), 2)
                          + ")")
              .collect(Collectors.joining(", "));
      md.append("| ").append(e.getKey()).append(" | ").append(list).append(" |\n");
    }
  }

  /** The source, escaped, with its language in brackets when the row names one. */
  private static String named(String source, Row r, String languageColumn) {
    String language = Blocks.str(r, languageColumn);
    return escape(source) + (language == null ? "" : " (" + escape(language) + ")");
  }

  /** The toned count when the row has it (tables of this version), else the sentence count. */
  private static String toned(Row r, String tonedColumn, String sentencesColumn) {
    String toned = Blocks.str(r, tonedColumn);
    return toned != null ? toned : String.valueOf(r.<Object>getAs(sentencesColumn));
  }

  private static String orNa(String v) {
    return v == null ? "n/a" : escape(v);
  }

  /** Theme id to label, for the themes that have one. */
  private static Map<String, String> labels(List<Row> themeFrequency) {
    Map<String, String> labels = new TreeMap<>();
    for (Row r : themeFrequency) {
      Object label = r.getAs(ThemeFrequencyColumns.THEME_LABEL);
      if (label != null) {
        labels.put(r.getAs(ThemeFrequencyColumns.THEME), label.toString());
      }
    }
    return labels;
  }

  /** The rows whose {@code storyColumn} is {@code story}, in a list the caller may sort. */
  private static List<Row> of(List<Row> rows, String storyColumn, String story) {
    return new ArrayList<>(rows.stream().filter(r -> story.equals(r.getAs(storyColumn))).toList());
  }

  static String num(Object v, int decimals) {
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", n.doubleValue());
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static String time(Object v) {
    if (v instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    return v == null ? "n/a" : v.toString();
  }

  /**
   * Keeps a cell on one line and its text literal: pipes and Markdown emphasis, code and link
   * characters are backslash-escaped, and {@code & < >} become entities, so a source named {@code
   * <script>} shows as text in a Markdown viewer instead of being passed on as HTML.
   */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '|', '*', '_', '`', '[', ']' -> b.append('\\').append(c);
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '\r', '\n' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
