package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * The {@code timeline} table: attention and tone of each source in a story, day by day. Column
 * names and the Spark schema of the files, in column order, before the window columns ({@link
 * WindowColumns}; the {@code run_date} partition column is not stored in the files); meanings in
 * columns.tsv. Written by compare ({@link dev.parallax.compare.Timeline}).
 */
public final class TimelineColumns {
  private TimelineColumns() {}

  public static final String STORY = "story";
  public static final String SOURCE = "source";
  public static final String LANGUAGE = "language";
  public static final String DAY = "day";
  public static final String THEME = "theme";
  public static final String ARTICLES = "articles";
  public static final String SENTENCES = "sentences";
  public static final String MENTIONS = "mentions";
  public static final String TOKENS = "tokens";
  public static final String STORY_ARTICLES = "story_articles";
  public static final String SHARE = "share";
  public static final String TONED_SENTENCES = "toned_sentences";
  public static final String TONE_MEAN = "tone_mean";
  public static final String TONE_CI_LOW = "tone_ci_low";
  public static final String TONE_CI_HIGH = "tone_ci_high";
  public static final String RESAMPLING = "resampling";
  public static final String SMALL_SAMPLE = "small_sample";

  public static final StructType SCHEMA =
      new StructType()
          .add(STORY, StringType, false)
          .add(SOURCE, StringType, false)
          .add(LANGUAGE, StringType)
          .add(DAY, DateType, false)
          .add(THEME, StringType, false)
          .add(ARTICLES, LongType, false)
          .add(SENTENCES, LongType, false)
          .add(MENTIONS, LongType, false)
          .add(TOKENS, LongType, false)
          .add(STORY_ARTICLES, LongType, false)
          .add(SHARE, DoubleType, false)
          .add(TONED_SENTENCES, LongType, false)
          .add(TONE_MEAN, DoubleType)
          .add(TONE_CI_LOW, DoubleType)
          .add(TONE_CI_HIGH, DoubleType)
          .add(RESAMPLING, StringType)
          .add(SMALL_SAMPLE, BooleanType, false);
}
