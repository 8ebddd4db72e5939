package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.StructType;

/**
 * The {@code syndication} table: one copy of a story reprinted by another outlet, exact or near,
 * beside its group's canonical article. Column names and the Spark schema of the files, in column
 * order (the {@code run_date} partition column is not stored in the files); meanings in
 * columns.tsv. Written by ingest ({@link dev.parallax.stories.Syndication}).
 */
public final class SyndicationColumns {
  private SyndicationColumns() {}

  public static final String STORY = "story";
  public static final String GROUP_ID = "group_id";
  public static final String CANONICAL_SOURCE = "canonical_source";
  public static final String CANONICAL_TITLE = "canonical_title";
  public static final String CANONICAL_PUBLISHED_AT = "canonical_published_at";
  public static final String ARTICLE_ID = "article_id";
  public static final String SOURCE = "source";
  public static final String TITLE = "title";
  public static final String PUBLISHED_AT = "published_at";
  public static final String URL = "url";
  public static final String MATCH = "match";
  public static final String SIMILARITY = "similarity";
  public static final String GROUP_ARTICLES = "group_articles";
  public static final String GROUP_SOURCES = "group_sources";

  /** {@link #MATCH} of a copy with the same text as its canonical ({@code duplicate_of}). */
  public static final String EXACT = "exact";

  /** {@link #MATCH} of a near-duplicate copy ({@code near_duplicate_of}). */
  public static final String NEAR = "near";

  public static final StructType SCHEMA =
      new StructType()
          .add(STORY, StringType, false)
          .add(GROUP_ID, StringType, false)
          .add(CANONICAL_SOURCE, StringType, false)
          .add(CANONICAL_TITLE, StringType)
          .add(CANONICAL_PUBLISHED_AT, TimestampType)
          .add(ARTICLE_ID, StringType, false)
          .add(SOURCE, StringType, false)
          .add(TITLE, StringType)
          .add(PUBLISHED_AT, TimestampType)
          .add(URL, StringType)
          .add(MATCH, StringType, false)
          .add(SIMILARITY, DoubleType, false)
          .add(GROUP_ARTICLES, LongType, false)
          .add(GROUP_SOURCES, LongType, false);
}
