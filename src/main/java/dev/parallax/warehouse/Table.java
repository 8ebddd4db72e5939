package dev.parallax.warehouse;

import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.DistinctiveTermsColumns;
import dev.parallax.warehouse.schema.QuotedSpeakersColumns;
import dev.parallax.warehouse.schema.QuotesColumns;
import dev.parallax.warehouse.schema.RejectsColumns;
import dev.parallax.warehouse.schema.RunsColumns;
import dev.parallax.warehouse.schema.SentencesColumns;
import dev.parallax.warehouse.schema.SourceSummaryColumns;
import dev.parallax.warehouse.schema.StanceBySourceColumns;
import dev.parallax.warehouse.schema.StanceDifferenceColumns;
import dev.parallax.warehouse.schema.StoriesColumns;
import dev.parallax.warehouse.schema.SyndicationColumns;
import dev.parallax.warehouse.schema.ThemeFrequencyColumns;
import dev.parallax.warehouse.schema.TimelineColumns;
import dev.parallax.warehouse.schema.WindowColumns;
import org.apache.spark.sql.types.StructType;

/**
 * The warehouse tables: their folder names, their schemas (from the column contract in {@link
 * dev.parallax.warehouse.schema}) and the columns rows are sorted by when published.
 */
public enum Table {
  ARTICLES("articles", ArticlesColumns.SCHEMA, ArticlesColumns.ARTICLE_ID),
  REJECTS("rejects", RejectsColumns.SCHEMA, RejectsColumns.INPUT_FILE, RejectsColumns.RECORD_REF),
  SENTENCES(
      "sentences",
      SentencesColumns.SCHEMA,
      SentencesColumns.ARTICLE_ID,
      SentencesColumns.SENTENCE_IDX),
  QUOTES("quotes", QuotesColumns.SCHEMA, QuotesColumns.ARTICLE_ID, QuotesColumns.QUOTE_IDX),
  THEME_FREQUENCY(
      "theme_frequency",
      WindowColumns.append(ThemeFrequencyColumns.SCHEMA),
      ThemeFrequencyColumns.STORY,
      ThemeFrequencyColumns.SOURCE,
      ThemeFrequencyColumns.THEME),
  STANCE_BY_SOURCE(
      "stance_by_source",
      WindowColumns.append(StanceBySourceColumns.SCHEMA),
      StanceBySourceColumns.STORY,
      StanceBySourceColumns.SOURCE,
      StanceBySourceColumns.THEME,
      StanceBySourceColumns.VOICE),
  STANCE_DIFFERENCE(
      "stance_difference",
      WindowColumns.append(StanceDifferenceColumns.SCHEMA),
      StanceDifferenceColumns.STORY,
      StanceDifferenceColumns.THEME,
      StanceDifferenceColumns.VOICE,
      StanceDifferenceColumns.SOURCE_A,
      StanceDifferenceColumns.SOURCE_B),
  DISTINCTIVE_TERMS(
      "distinctive_terms",
      WindowColumns.append(DistinctiveTermsColumns.SCHEMA),
      DistinctiveTermsColumns.STORY,
      DistinctiveTermsColumns.SOURCE,
      DistinctiveTermsColumns.RANK),
  SOURCE_SUMMARY(
      "source_summary",
      WindowColumns.append(SourceSummaryColumns.SCHEMA),
      SourceSummaryColumns.STORY,
      SourceSummaryColumns.SOURCE),
  QUOTED_SPEAKERS(
      "quoted_speakers",
      WindowColumns.append(QuotedSpeakersColumns.SCHEMA),
      QuotedSpeakersColumns.STORY,
      QuotedSpeakersColumns.SOURCE,
      QuotedSpeakersColumns.RANK_IN_SOURCE),
  TIMELINE(
      "timeline",
      WindowColumns.append(TimelineColumns.SCHEMA),
      TimelineColumns.STORY,
      TimelineColumns.DAY,
      TimelineColumns.SOURCE,
      TimelineColumns.THEME),
  SYNDICATION(
      "syndication",
      SyndicationColumns.SCHEMA,
      SyndicationColumns.STORY,
      SyndicationColumns.GROUP_ID,
      SyndicationColumns.ARTICLE_ID),
  STORIES("stories", StoriesColumns.SCHEMA, StoriesColumns.STORY),
  RUNS("runs", RunsColumns.SCHEMA, RunsColumns.RUN_ID);

  private final String folder;

  @SuppressWarnings("ImmutableEnumChecker") // Spark treats a StructType as immutable
  private final StructType schema;

  @SuppressWarnings("ImmutableEnumChecker") // never mutated; its getter returns a copy
  private final String[] sortColumns;

  Table(String folder, StructType schema, String... sortColumns) {
    this.folder = folder;
    this.schema = schema;
    this.sortColumns = sortColumns;
  }

  /**
   * Columns of the table's files in order, without the {@code run_date} partition column; see
   * {@link dev.parallax.warehouse.schema} for what its nullability means.
   */
  public StructType schema() {
    return schema;
  }

  /** Folder name under the warehouse root, also the view name in {@code parallax sql}. */
  public String folder() {
    return folder;
  }

  /** A total order of the table's rows, so a rerun writes identical files. */
  public String[] sortColumns() {
    return sortColumns.clone();
  }
}
