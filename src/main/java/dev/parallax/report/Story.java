package dev.parallax.report;

import static dev.parallax.report.Blocks.dbl;
import static dev.parallax.report.Blocks.lng;

import dev.parallax.warehouse.schema.DistinctiveTermsColumns;
import dev.parallax.warehouse.schema.QuotedSpeakersColumns;
import dev.parallax.warehouse.schema.SourceSummaryColumns;
import dev.parallax.warehouse.schema.StanceBySourceColumns;
import dev.parallax.warehouse.schema.StanceDifferenceColumns;
import dev.parallax.warehouse.schema.SyndicationColumns;
import dev.parallax.warehouse.schema.ThemeFrequencyColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import dev.parallax.warehouse.schema.TimelineColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * One story's rows of the compare tables, as the report's sections read them: its sources (by
 * name), its story themes (most mentioned first; not the {@code frame_*} themes), theme labels,
 * rates, stance rows of each voice, whom each source quotes, and the tone palette every tone colour
 * of the story uses.
 *
 * <p>The stance tables hold one row per voice: {@code all} (every sentence, whoever's words) and
 * {@code authorial} (the writers' own words). {@link #stance}, {@link #differences} and everything
 * drawn from them are voice {@code all}; {@link #authorial} and {@link #authorialDifferences} are
 * the writers' own words. A row without a voice (a table written before voices) counts as {@code
 * all}.
 */
final class Story {
  private static final String ALL = StanceBySourceColumns.VOICE_ALL;
  private static final String AUTHORIAL = StanceBySourceColumns.VOICE_AUTHORIAL;

  final String story;

  /** The story's anchor prefix in the page: {@code s1}, {@code s2}, … in story order. */
  final String id;

  final List<Row> summary;

  /** The stance_difference rows of voice {@code all}. */
  final List<Row> differences;

  /** The stance_difference rows of voice {@code authorial}. */
  final List<Row> authorialDifferences;

  /** The story's quoted_speakers rows, by source then rank_in_source. */
  final List<Row> speakers;

  final List<Row> terms;
  final List<String> sources;
  final List<String> themes;

  /** The story's rows of the syndication table; null when the table has no partition. */
  final List<Row> syndication;

  /**
   * The story's rows of the timeline table, by day, source, theme; null when the table has no
   * partition (compare ran before the timeline existed).
   */
  final List<Row> timeline;

  /** Articles of the story kept out of the timeline for want of a publication date. */
  final long undated;

  /** Articles of the story kept out of the timeline: dated far outside the window. */
  final long outOfRange;

  private final Map<String, String> labels = new TreeMap<>();
  private final Map<String, String> languages = new TreeMap<>();
  private final Map<String, Double> rates = new LinkedHashMap<>();
  private final Map<String, List<Row>> stanceByTheme = new TreeMap<>();
  private final Map<String, List<Row>> authorialByTheme = new TreeMap<>();

  /**
   * Diverging, centred at 0, half-width the largest |tone_mean| (of both voices, and of the quoted
   * speakers) rounded up to 0.25.
   */
  final Palette tone;

  Story(String story, String id, HtmlReport.Tables t) {
    this.story = story;
    this.id = id;
    summary = of(t.sourceSummary(), SourceSummaryColumns.STORY, story);
    summary.sort(Comparator.comparing(r -> r.<String>getAs(SourceSummaryColumns.SOURCE)));
    List<Row> allDifferences = of(t.stanceDifference(), StanceDifferenceColumns.STORY, story);
    differences = voice(allDifferences, StanceDifferenceColumns.VOICE, ALL);
    authorialDifferences = voice(allDifferences, StanceDifferenceColumns.VOICE, AUTHORIAL);
    speakers = of(t.quotedSpeakers(), QuotedSpeakersColumns.STORY, story);
    speakers.sort(
        Comparator.comparing((Row r) -> r.<String>getAs(QuotedSpeakersColumns.SOURCE))
            .thenComparingLong(r -> lng(r, QuotedSpeakersColumns.RANK_IN_SOURCE)));
    terms = of(t.distinctiveTerms(), DistinctiveTermsColumns.STORY, story);
    syndication =
        t.syndication() == null ? null : of(t.syndication(), SyndicationColumns.STORY, story);
    timeline = t.timeline() == null ? null : of(t.timeline(), TimelineColumns.STORY, story);
    if (timeline != null) {
      timeline.sort(
          Comparator.comparing((Row r) -> r.<java.sql.Date>getAs(TimelineColumns.DAY))
              .thenComparing(r -> r.<String>getAs(TimelineColumns.SOURCE))
              .thenComparing(r -> r.<String>getAs(TimelineColumns.THEME)));
    }
    undated =
        summary.stream()
            .mapToLong(r -> Blocks.lngIf(r, SourceSummaryColumns.UNDATED_ARTICLES))
            .sum();
    outOfRange =
        summary.stream()
            .mapToLong(r -> Blocks.lngIf(r, SourceSummaryColumns.OUT_OF_RANGE_ARTICLES))
            .sum();
    sources = summary.stream().map(r -> r.<String>getAs(SourceSummaryColumns.SOURCE)).toList();
    for (Row r : summary) {
      String language = Blocks.str(r, SourceSummaryColumns.LANGUAGE);
      if (language != null) {
        languages.put(r.getAs(SourceSummaryColumns.SOURCE), language);
      }
    }
    Map<String, Long> mentions = new TreeMap<>();
    for (Row r : of(t.themeFrequency(), ThemeFrequencyColumns.STORY, story)) {
      String theme = r.getAs(ThemeFrequencyColumns.THEME);
      Object label = r.getAs(ThemeFrequencyColumns.THEME_LABEL);
      if (label != null) {
        labels.put(theme, label.toString());
      }
      if (!storyTheme(r)) {
        continue;
      }
      mentions.merge(theme, lng(r, ThemeFrequencyColumns.MENTIONS), Long::sum);
      rates.put(
          r.<String>getAs(ThemeFrequencyColumns.SOURCE) + "\u0000" + theme,
          dbl(r, ThemeFrequencyColumns.RATE_PER_1K_TOKENS));
    }
    List<String> ordered = new ArrayList<>(mentions.keySet());
    ordered.sort(
        Comparator.comparing((String th) -> -mentions.get(th))
            .thenComparing(Comparator.naturalOrder()));
    themes = ordered;
    double bound = 0;
    for (Row r : of(t.stanceBySource(), StanceBySourceColumns.STORY, story)) {
      String theme = r.getAs(StanceBySourceColumns.THEME);
      String voice = voice(r, StanceBySourceColumns.VOICE);
      if (!ALL.equals(voice) && !AUTHORIAL.equals(voice)) {
        continue;
      }
      (ALL.equals(voice) ? stanceByTheme : authorialByTheme)
          .computeIfAbsent(theme, k -> new ArrayList<>())
          .add(r);
      double m = dbl(r, StanceBySourceColumns.TONE_MEAN);
      // the authorial rows drawn are those of _all, beside the overall tone
      boolean drawn =
          ALL.equals(voice)
              ? ThemeIds.ALL.equals(theme) || mentions.containsKey(theme)
              : ThemeIds.ALL.equals(theme);
      if (Double.isFinite(m) && drawn) {
        bound = Math.max(bound, Math.abs(m));
      }
    }
    for (Row r : speakers) {
      double m = dbl(r, QuotedSpeakersColumns.TONE_MEAN);
      if (Double.isFinite(m)) {
        bound = Math.max(bound, Math.abs(m));
      }
    }
    tone = Palette.diverging(Math.max(0.25, Math.ceil(bound * 4 - 1e-9) / 4));
  }

  /**
   * The timeline rows of one theme ({@code _all}: every sentence), by day, source; empty when the
   * table is missing.
   */
  List<Row> timeline(String theme) {
    return timeline == null
        ? List.of()
        : timeline.stream().filter(r -> theme.equals(r.getAs(TimelineColumns.THEME))).toList();
  }

  /**
   * Every day from the first to the last day of the story's timeline, days without articles
   * included; empty when it has no row.
   */
  List<java.time.LocalDate> days() {
    List<Row> all = timeline(ThemeIds.ALL);
    List<java.time.LocalDate> out = new ArrayList<>();
    if (all.isEmpty()) {
      return out;
    }
    java.time.LocalDate last = day(all.get(all.size() - 1));
    for (java.time.LocalDate d = day(all.get(0)); !d.isAfter(last); d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }

  /** A timeline row's day. */
  static java.time.LocalDate day(Row r) {
    return r.<java.sql.Date>getAs(TimelineColumns.DAY).toLocalDate();
  }

  /** {@code story_theme} when the table has it, else: not a {@code frame_*} theme. */
  private static boolean storyTheme(Row r) {
    if (Arrays.asList(r.schema().fieldNames()).contains(ThemeFrequencyColumns.STORY_THEME)
        && r.getAs(ThemeFrequencyColumns.STORY_THEME) != null) {
      return Boolean.TRUE.equals(r.getAs(ThemeFrequencyColumns.STORY_THEME));
    }
    return !ThemeIds.isFrame(r.getAs(ThemeFrequencyColumns.THEME));
  }

  /** The source's language (source_summary.language), or null when unknown. */
  String language(String source) {
    return languages.get(source);
  }

  /** The source's name with its language in brackets ("Kasumi Shimpo (ja)"), for chart labels. */
  String named(String source) {
    return named(source, language(source));
  }

  /** {@code source (language)}, or the source alone when the language is null. */
  static String named(String source, String language) {
    return language == null ? source : source + " (" + language + ")";
  }

  List<String> named(List<String> sources) {
    return sources.stream().map(this::named).toList();
  }

  /** A table cell naming the source with its language beside it. */
  Blocks.Cell source(String source) {
    return Blocks.source(source, language(source));
  }

  /** The theme's label; "All sentences" for {@code _all}; the id when it has no label. */
  String label(String theme) {
    return ThemeIds.ALL.equals(theme) ? "All sentences" : labels.getOrDefault(theme, theme);
  }

  List<String> labels(List<String> themes) {
    return themes.stream().map(this::label).toList();
  }

  /** Mentions per 1,000 tokens; NaN when the source never mentions the theme. */
  double rate(String source, String theme) {
    Double v = rates.get(source + "\u0000" + theme);
    return v == null ? Double.NaN : v;
  }

  /** The stance_by_source rows of one theme ({@code _all} included), voice {@code all}. */
  List<Row> stance(String theme) {
    return stanceByTheme.getOrDefault(theme, List.of());
  }

  /** The stance_by_source row of one source and theme, voice {@code all}, or null. */
  Row stance(String source, String theme) {
    return bySource(stance(theme), source);
  }

  /**
   * The stance_by_source row of one source and theme in the writers' own words (voice {@code
   * authorial}), or null when the source has no authorial sentence on it.
   */
  Row authorial(String source, String theme) {
    return bySource(authorialByTheme.getOrDefault(theme, List.of()), source);
  }

  /** Whether the story has any stance row of voice {@code authorial}. */
  boolean hasAuthorial() {
    return !authorialByTheme.isEmpty();
  }

  private static Row bySource(List<Row> rows, String source) {
    for (Row r : rows) {
      if (source.equals(r.getAs(StanceBySourceColumns.SOURCE))) {
        return r;
      }
    }
    return null;
  }

  /** The row's voice; {@code all} when the table has no voice column or the value is null. */
  private static String voice(Row r, String column) {
    String v = Blocks.str(r, column);
    return v == null ? ALL : v;
  }

  private static List<Row> voice(List<Row> rows, String column, String voice) {
    return new ArrayList<>(rows.stream().filter(r -> voice.equals(voice(r, column))).toList());
  }

  /** The rows whose {@code storyColumn} is {@code story}, in a list the caller may sort. */
  private static List<Row> of(List<Row> rows, String storyColumn, String story) {
    return new ArrayList<>(rows.stream().filter(r -> story.equals(r.getAs(storyColumn))).toList());
  }
}
