package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code stance_by_source} table: story × source × theme. Column names and the Spark schema of
 * the files, in column order (the {@code run_date} partition column is not stored in the files);
 * meanings in columns.tsv. Written by compare.
 */
public final class StanceBySourceColumns {
  private StanceBySourceColumns() {}

  public static final String STORY = "story";
  public static final String SOURCE = "source";
  public static final String LANGUAGE = "language";
  public static final String THEME = "theme";
  public static final String VOICE = "voice";

  /** {@link #VOICE} of the rows over every sentence, whoever's words they are. */
  public static final String VOICE_ALL = "all";

  /** {@link #VOICE} of the rows over the writers' own words ({@code sentences.authorial_tone}). */
  public static final String VOICE_AUTHORIAL = "authorial";

  public static final String SENTENCES = "sentences";
  public static final String TONED_SENTENCES = "toned_sentences";
  public static final String ARTICLES = "articles";
  public static final String TOKENS = "tokens";
  public static final String TONE_MEAN = "tone_mean";
  public static final String TONE_CI_LOW = "tone_ci_low";
  public static final String TONE_CI_HIGH = "tone_ci_high";
  public static final String RESAMPLING = "resampling";
  public static final String POSITIVE_SHARE = "positive_share";
  public static final String NEGATIVE_SHARE = "negative_share";
  public static final String HEDGE_RATE_PER_1K = "hedge_rate_per_1k";
  public static final String BOOSTER_RATE_PER_1K = "booster_rate_per_1k";
  public static final String ATTITUDE_RATE_PER_1K = "attitude_rate_per_1k";
  public static final String SELF_MENTION_RATE_PER_1K = "self_mention_rate_per_1k";
  public static final String SMALL_SAMPLE = "small_sample";

  public static final StructType SCHEMA =
      new StructType()
          .add(STORY, StringType, false)
          .add(SOURCE, StringType, false)
          .add(LANGUAGE, StringType)
          .add(THEME, StringType, false)
          .add(VOICE, StringType, false)
          .add(SENTENCES, LongType, false)
          .add(TONED_SENTENCES, LongType, false)
          .add(ARTICLES, LongType, false)
          .add(TOKENS, LongType, false)
          .add(TONE_MEAN, DoubleType)
          .add(TONE_CI_LOW, DoubleType)
          .add(TONE_CI_HIGH, DoubleType)
          .add(RESAMPLING, StringType, false)
          .add(POSITIVE_SHARE, DoubleType)
          .add(NEGATIVE_SHARE, DoubleType)
          .add(HEDGE_RATE_PER_1K, DoubleType)
          .add(BOOSTER_RATE_PER_1K, DoubleType)
          .add(ATTITUDE_RATE_PER_1K, DoubleType)
          .add(SELF_MENTION_RATE_PER_1K, DoubleType)
          .add(SMALL_SAMPLE, BooleanType, false);

  private static final int STORY_AT = SCHEMA.fieldIndex(STORY);
  private static final int SOURCE_AT = SCHEMA.fieldIndex(SOURCE);
  private static final int LANGUAGE_AT = SCHEMA.fieldIndex(LANGUAGE);
  private static final int THEME_AT = SCHEMA.fieldIndex(THEME);
  private static final int VOICE_AT = SCHEMA.fieldIndex(VOICE);
  private static final int SENTENCES_AT = SCHEMA.fieldIndex(SENTENCES);
  private static final int TONED_SENTENCES_AT = SCHEMA.fieldIndex(TONED_SENTENCES);
  private static final int ARTICLES_AT = SCHEMA.fieldIndex(ARTICLES);
  private static final int TOKENS_AT = SCHEMA.fieldIndex(TOKENS);
  private static final int TONE_MEAN_AT = SCHEMA.fieldIndex(TONE_MEAN);
  private static final int TONE_CI_LOW_AT = SCHEMA.fieldIndex(TONE_CI_LOW);
  private static final int TONE_CI_HIGH_AT = SCHEMA.fieldIndex(TONE_CI_HIGH);
  private static final int RESAMPLING_AT = SCHEMA.fieldIndex(RESAMPLING);
  private static final int POSITIVE_SHARE_AT = SCHEMA.fieldIndex(POSITIVE_SHARE);
  private static final int NEGATIVE_SHARE_AT = SCHEMA.fieldIndex(NEGATIVE_SHARE);
  private static final int HEDGE_RATE_PER_1K_AT = SCHEMA.fieldIndex(HEDGE_RATE_PER_1K);
  private static final int BOOSTER_RATE_PER_1K_AT = SCHEMA.fieldIndex(BOOSTER_RATE_PER_1K);
  private static final int ATTITUDE_RATE_PER_1K_AT = SCHEMA.fieldIndex(ATTITUDE_RATE_PER_1K);
  private static final int SELF_MENTION_RATE_PER_1K_AT =
      SCHEMA.fieldIndex(SELF_MENTION_RATE_PER_1K);
  private static final int SMALL_SAMPLE_AT = SCHEMA.fieldIndex(SMALL_SAMPLE);

  /** A builder of one row of {@link #SCHEMA}. */
  public static Builder row() {
    return new Builder();
  }

  /** One row of {@link #SCHEMA}, set column by column; a column not set is null. */
  public static final class Builder {
    private final Object[] values = new Object[SCHEMA.size()];

    private Builder() {}

    public Builder story(String value) {
      return set(STORY_AT, value);
    }

    public Builder source(String value) {
      return set(SOURCE_AT, value);
    }

    public Builder language(String value) {
      return set(LANGUAGE_AT, value);
    }

    public Builder theme(String value) {
      return set(THEME_AT, value);
    }

    public Builder voice(String value) {
      return set(VOICE_AT, value);
    }

    public Builder sentences(long value) {
      return set(SENTENCES_AT, value);
    }

    public Builder tonedSentences(long value) {
      return set(TONED_SENTENCES_AT, value);
    }

    public Builder articles(long value) {
      return set(ARTICLES_AT, value);
    }

    public Builder tokens(long value) {
      return set(TOKENS_AT, value);
    }

    public Builder toneMean(Double value) {
      return set(TONE_MEAN_AT, value);
    }

    public Builder toneCiLow(Double value) {
      return set(TONE_CI_LOW_AT, value);
    }

    public Builder toneCiHigh(Double value) {
      return set(TONE_CI_HIGH_AT, value);
    }

    public Builder resampling(String value) {
      return set(RESAMPLING_AT, value);
    }

    public Builder positiveShare(Double value) {
      return set(POSITIVE_SHARE_AT, value);
    }

    public Builder negativeShare(Double value) {
      return set(NEGATIVE_SHARE_AT, value);
    }

    public Builder hedgeRatePer1k(Double value) {
      return set(HEDGE_RATE_PER_1K_AT, value);
    }

    public Builder boosterRatePer1k(Double value) {
      return set(BOOSTER_RATE_PER_1K_AT, value);
    }

    public Builder attitudeRatePer1k(Double value) {
      return set(ATTITUDE_RATE_PER_1K_AT, value);
    }

    public Builder selfMentionRatePer1k(Double value) {
      return set(SELF_MENTION_RATE_PER_1K_AT, value);
    }

    public Builder smallSample(boolean value) {
      return set(SMALL_SAMPLE_AT, value);
    }

    /** The row; call once, the builder is not reused. */
    public Row build() {
      return RowFactory.create(values);
    }

    private Builder set(int at, Object value) {
      values[at] = value;
      return this;
    }
  }
}
