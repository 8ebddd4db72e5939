package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.StructType;

/**
 * The {@code source_summary} table: story × source. Column names and the Spark schema of the files,
 * in column order (the {@code run_date} partition column is not stored in the files); meanings in
 * columns.tsv. Computed by compare from Spark expressions, which set each column's nullability;
 * {@link #SCHEMA} fixes names, order and types.
 */
public final class SourceSummaryColumns {
  private SourceSummaryColumns() {}

  public static final String STORY = "story";
  public static final String SOURCE = "source";
  public static final String LANGUAGE = "language";
  public static final String ARTICLES = "articles";
  public static final String SENTENCES = "sentences";
  public static final String TONED_SENTENCES = "toned_sentences";
  public static final String TOKENS = "tokens";
  public static final String FIRST_PUBLISHED = "first_published";
  public static final String LAST_PUBLISHED = "last_published";
  public static final String TONE_MEAN = "tone_mean";
  public static final String TOP_THEMES = "top_themes";
  public static final String UNDATED_ARTICLES = "undated_articles";
  public static final String OUT_OF_RANGE_ARTICLES = "out_of_range_articles";

  public static final StructType SCHEMA =
      new StructType()
          .add(STORY, StringType)
          .add(SOURCE, StringType)
          .add(LANGUAGE, StringType)
          .add(ARTICLES, LongType)
          .add(SENTENCES, LongType)
          .add(TONED_SENTENCES, LongType)
          .add(TOKENS, LongType)
          .add(FIRST_PUBLISHED, TimestampType)
          .add(LAST_PUBLISHED, TimestampType)
          .add(TONE_MEAN, DoubleType)
          .add(TOP_THEMES, createArrayType(StringType, false))
          .add(UNDATED_ARTICLES, LongType)
          .add(OUT_OF_RANGE_ARTICLES, LongType);
}
