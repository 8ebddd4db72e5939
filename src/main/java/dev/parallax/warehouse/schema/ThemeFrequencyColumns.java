package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * The {@code theme_frequency} table: story × source × theme. Column names and the Spark schema of
 * the files, in column order (the {@code run_date} partition column is not stored in the files);
 * meanings in columns.tsv. Computed by compare from Spark expressions, which set each column's
 * nullability; {@link #SCHEMA} fixes names, order and types.
 */
public final class ThemeFrequencyColumns {
  private ThemeFrequencyColumns() {}

  public static final String STORY = "story";
  public static final String SOURCE = "source";
  public static final String LANGUAGE = "language";
  public static final String THEME = "theme";
  public static final String THEME_LABEL = "theme_label";
  public static final String FRAME = "frame";
  public static final String STORY_THEME = "story_theme";
  public static final String ARTICLES = "articles";
  public static final String SENTENCES = "sentences";
  public static final String MENTIONS = "mentions";
  public static final String SOURCE_ARTICLES = "source_articles";
  public static final String SOURCE_SENTENCES = "source_sentences";
  public static final String SOURCE_TOKENS = "source_tokens";
  public static final String RATE_PER_1K_TOKENS = "rate_per_1k_tokens";
  public static final String SENTENCE_SHARE = "sentence_share";
  public static final String ARTICLE_SHARE = "article_share";
  public static final String RANK_IN_SOURCE = "rank_in_source";
  public static final String STORY_MENTIONS = "story_mentions";
  public static final String STORY_TOKENS = "story_tokens";
  public static final String STORY_RATE_PER_1K_TOKENS = "story_rate_per_1k_tokens";
  public static final String LIFT_VS_ALL = "lift_vs_all";
  public static final String LOG_ODDS_VS_REST = "log_odds_vs_rest";
  public static final String Z_VS_REST = "z_vs_rest";

  public static final StructType SCHEMA =
      new StructType()
          .add(STORY, StringType)
          .add(SOURCE, StringType)
          .add(LANGUAGE, StringType)
          .add(THEME, StringType)
          .add(THEME_LABEL, StringType)
          .add(FRAME, StringType)
          .add(STORY_THEME, BooleanType)
          .add(ARTICLES, LongType)
          .add(SENTENCES, LongType)
          .add(MENTIONS, LongType)
          .add(SOURCE_ARTICLES, LongType)
          .add(SOURCE_SENTENCES, LongType)
          .add(SOURCE_TOKENS, LongType)
          .add(RATE_PER_1K_TOKENS, DoubleType)
          .add(SENTENCE_SHARE, DoubleType)
          .add(ARTICLE_SHARE, DoubleType)
          .add(RANK_IN_SOURCE, LongType)
          .add(STORY_MENTIONS, LongType)
          .add(STORY_TOKENS, LongType)
          .add(STORY_RATE_PER_1K_TOKENS, DoubleType)
          .add(LIFT_VS_ALL, DoubleType)
          .add(LOG_ODDS_VS_REST, DoubleType)
          .add(Z_VS_REST, DoubleType);
}
