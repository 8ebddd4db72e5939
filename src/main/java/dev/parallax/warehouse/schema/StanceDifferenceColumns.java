package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code stance_difference} table: story × theme × (source_a, source_b). Column names and the
 * Spark schema of the files, in column order (the {@code run_date} partition column is not stored
 * in the files); meanings in columns.tsv. Written by compare.
 */
public final class StanceDifferenceColumns {
  private StanceDifferenceColumns() {}

  public static final String STORY = "story";
  public static final String THEME = "theme";
  public static final String VOICE = "voice";
  public static final String SOURCE_A = "source_a";
  public static final String SOURCE_B = "source_b";
  public static final String LANGUAGE_A = "language_a";
  public static final String LANGUAGE_B = "language_b";
  public static final String SENTENCES_A = "sentences_a";
  public static final String SENTENCES_B = "sentences_b";
  public static final String TONED_SENTENCES_A = "toned_sentences_a";
  public static final String TONED_SENTENCES_B = "toned_sentences_b";
  public static final String ARTICLES_A = "articles_a";
  public static final String ARTICLES_B = "articles_b";
  public static final String TONE_MEAN_A = "tone_mean_a";
  public static final String TONE_MEAN_B = "tone_mean_b";
  public static final String TONE_DIFF = "tone_diff";
  public static final String CI_LOW = "ci_low";
  public static final String CI_HIGH = "ci_high";
  public static final String P_VALUE = "p_value";
  public static final String Q_VALUE = "q_value";
  public static final String EFFECT_SIZE = "effect_size";
  public static final String CLIFFS_DELTA = "cliffs_delta";
  public static final String RESAMPLING = "resampling";
  public static final String P_METHOD = "p_method";
  public static final String SMALL_SAMPLE = "small_sample";
  public static final String SIGNIFICANT = "significant";

  public static final StructType SCHEMA =
      new StructType()
          .add(STORY, StringType, false)
          .add(THEME, StringType, false)
          .add(VOICE, StringType, false)
          .add(SOURCE_A, StringType, false)
          .add(SOURCE_B, StringType, false)
          .add(LANGUAGE_A, StringType)
          .add(LANGUAGE_B, StringType)
          .add(SENTENCES_A, LongType, false)
          .add(SENTENCES_B, LongType, false)
          .add(TONED_SENTENCES_A, LongType, false)
          .add(TONED_SENTENCES_B, LongType, false)
          .add(ARTICLES_A, LongType, false)
          .add(ARTICLES_B, LongType, false)
          .add(TONE_MEAN_A, DoubleType)
          .add(TONE_MEAN_B, DoubleType)
          .add(TONE_DIFF, DoubleType)
          .add(CI_LOW, DoubleType)
          .add(CI_HIGH, DoubleType)
          .add(P_VALUE, DoubleType)
          .add(Q_VALUE, DoubleType)
          .add(EFFECT_SIZE, DoubleType)
          .add(CLIFFS_DELTA, DoubleType)
          .add(RESAMPLING, StringType, false)
          .add(P_METHOD, StringType, false)
          .add(SMALL_SAMPLE, BooleanType, false)
          .add(SIGNIFICANT, BooleanType, false);

  private static final int STORY_AT = SCHEMA.fieldIndex(STORY);
  private static final int THEME_AT = SCHEMA.fieldIndex(THEME);
  private static final int VOICE_AT = SCHEMA.fieldIndex(VOICE);
  private static final int SOURCE_A_AT = SCHEMA.fieldIndex(SOURCE_A);
  private static final int SOURCE_B_AT = SCHEMA.fieldIndex(SOURCE_B);
  private static final int LANGUAGE_A_AT = SCHEMA.fieldIndex(LANGUAGE_A);
  private static final int LANGUAGE_B_AT = SCHEMA.fieldIndex(LANGUAGE_B);
  private static final int SENTENCES_A_AT = SCHEMA.fieldIndex(SENTENCES_A);
  private static final int SENTENCES_B_AT = SCHEMA.fieldIndex(SENTENCES_B);
  private static final int TONED_SENTENCES_A_AT = SCHEMA.fieldIndex(TONED_SENTENCES_A);
  private static final int TONED_SENTENCES_B_AT = SCHEMA.fieldIndex(TONED_SENTENCES_B);
  private static final int ARTICLES_A_AT = SCHEMA.fieldIndex(ARTICLES_A);
  private static final int ARTICLES_B_AT = SCHEMA.fieldIndex(ARTICLES_B);
  private static final int TONE_MEAN_A_AT = SCHEMA.fieldIndex(TONE_MEAN_A);
  private static final int TONE_MEAN_B_AT = SCHEMA.fieldIndex(TONE_MEAN_B);
  private static final int TONE_DIFF_AT = SCHEMA.fieldIndex(TONE_DIFF);
  private static final int CI_LOW_AT = SCHEMA.fieldIndex(CI_LOW);
  private static final int CI_HIGH_AT = SCHEMA.fieldIndex(CI_HIGH);
  private static final int P_VALUE_AT = SCHEMA.fieldIndex(P_VALUE);
  private static final int Q_VALUE_AT = SCHEMA.fieldIndex(Q_VALUE);
  private static final int EFFECT_SIZE_AT = SCHEMA.fieldIndex(EFFECT_SIZE);
  private static final int CLIFFS_DELTA_AT = SCHEMA.fieldIndex(CLIFFS_DELTA);
  private static final int RESAMPLING_AT = SCHEMA.fieldIndex(RESAMPLING);
  private static final int P_METHOD_AT = SCHEMA.fieldIndex(P_METHOD);
  private static final int SMALL_SAMPLE_AT = SCHEMA.fieldIndex(SMALL_SAMPLE);
  private static final int SIGNIFICANT_AT = SCHEMA.fieldIndex(SIGNIFICANT);

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

    public Builder theme(String value) {
      return set(THEME_AT, value);
    }

    public Builder voice(String value) {
      return set(VOICE_AT, value);
    }

    public Builder sourceA(String value) {
      return set(SOURCE_A_AT, value);
    }

    public Builder sourceB(String value) {
      return set(SOURCE_B_AT, value);
    }

    public Builder languageA(String value) {
      return set(LANGUAGE_A_AT, value);
    }

    public Builder languageB(String value) {
      return set(LANGUAGE_B_AT, value);
    }

    public Builder sentencesA(long value) {
      return set(SENTENCES_A_AT, value);
    }

    public Builder sentencesB(long value) {
      return set(SENTENCES_B_AT, value);
    }

    public Builder tonedSentencesA(long value) {
      return set(TONED_SENTENCES_A_AT, value);
    }

    public Builder tonedSentencesB(long value) {
      return set(TONED_SENTENCES_B_AT, value);
    }

    public Builder articlesA(long value) {
      return set(ARTICLES_A_AT, value);
    }

    public Builder articlesB(long value) {
      return set(ARTICLES_B_AT, value);
    }

    public Builder toneMeanA(Double value) {
      return set(TONE_MEAN_A_AT, value);
    }

    public Builder toneMeanB(Double value) {
      return set(TONE_MEAN_B_AT, value);
    }

    public Builder toneDiff(Double value) {
      return set(TONE_DIFF_AT, value);
    }

    public Builder ciLow(Double value) {
      return set(CI_LOW_AT, value);
    }

    public Builder ciHigh(Double value) {
      return set(CI_HIGH_AT, value);
    }

    public Builder pValue(Double value) {
      return set(P_VALUE_AT, value);
    }

    public Builder qValue(Double value) {
      return set(Q_VALUE_AT, value);
    }

    public Builder effectSize(Double value) {
      return set(EFFECT_SIZE_AT, value);
    }

    public Builder cliffsDelta(Double value) {
      return set(CLIFFS_DELTA_AT, value);
    }

    public Builder resampling(String value) {
      return set(RESAMPLING_AT, value);
    }

    public Builder pMethod(String value) {
      return set(P_METHOD_AT, value);
    }

    public Builder smallSample(boolean value) {
      return set(SMALL_SAMPLE_AT, value);
    }

    public Builder significant(boolean value) {
      return set(SIGNIFICANT_AT, value);
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
