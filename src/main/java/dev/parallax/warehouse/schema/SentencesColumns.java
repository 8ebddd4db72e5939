package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code sentences} table: one sentence of an annotated article. Column names and the Spark
 * schema of the files, in column order (the {@code run_date} partition column is not stored in the
 * files); meanings in columns.tsv. Written by annotate, read by compare.
 */
public final class SentencesColumns {
  private SentencesColumns() {}

  public static final String ARTICLE_ID = "article_id";
  public static final String STORY = "story";
  public static final String SOURCE = "source";
  public static final String LANGUAGE = "language";
  public static final String PUBLISHED_AT = "published_at";
  public static final String SENTENCE_IDX = "sentence_idx";
  public static final String CHAR_BEGIN = "char_begin";
  public static final String CHAR_END = "char_end";
  public static final String TEXT = "text";
  public static final String N_TOKENS = "n_tokens";
  public static final String TOKENS = "tokens";
  public static final String THEMES = "themes";
  public static final String FRAMES = "frames";
  public static final String THEME_MENTIONS = "theme_mentions";
  public static final String MATCHED_TERMS = "matched_terms";
  public static final String TONE = "tone";
  public static final String HEDGES = "hedges";
  public static final String BOOSTERS = "boosters";
  public static final String ATTITUDE = "attitude";
  public static final String SELF_MENTIONS = "self_mentions";
  public static final String VOICE = "voice";
  public static final String AUTHORIAL_TONE = "authorial_tone";
  public static final String QUOTES = "quotes";

  /** Fields of an element of {@link #QUOTES}: the quotes table's columns it becomes. */
  public static final StructType QUOTE = QuotesColumns.QUOTE;

  public static final StructType SCHEMA =
      new StructType()
          .add(ARTICLE_ID, StringType, false)
          .add(STORY, StringType, false)
          .add(SOURCE, StringType, false)
          .add(LANGUAGE, StringType)
          .add(PUBLISHED_AT, TimestampType)
          .add(SENTENCE_IDX, LongType, false)
          .add(CHAR_BEGIN, LongType, false)
          .add(CHAR_END, LongType, false)
          .add(TEXT, StringType, false)
          .add(N_TOKENS, LongType, false)
          .add(TOKENS, createArrayType(StringType, false))
          .add(THEMES, createArrayType(StringType, false))
          .add(FRAMES, createArrayType(StringType, false))
          .add(THEME_MENTIONS, createArrayType(StringType, false))
          .add(MATCHED_TERMS, createArrayType(StringType, false))
          .add(TONE, DoubleType)
          .add(HEDGES, LongType)
          .add(BOOSTERS, LongType)
          .add(ATTITUDE, LongType)
          .add(SELF_MENTIONS, LongType)
          .add(VOICE, StringType)
          .add(AUTHORIAL_TONE, DoubleType);

  /**
   * The rows the annotate step makes before they are published: {@link #SCHEMA} and then {@link
   * #QUOTES}, the quotes that start in the sentence (rows of {@link #QUOTE}; null where the
   * language has no voice rules), which become the quotes table and are not stored with the
   * sentences.
   */
  public static final StructType ANNOTATED = SCHEMA.add(QUOTES, createArrayType(QUOTE, false));

  private static final int ARTICLE_ID_AT = SCHEMA.fieldIndex(ARTICLE_ID);
  private static final int STORY_AT = SCHEMA.fieldIndex(STORY);
  private static final int SOURCE_AT = SCHEMA.fieldIndex(SOURCE);
  private static final int LANGUAGE_AT = SCHEMA.fieldIndex(LANGUAGE);
  private static final int PUBLISHED_AT_AT = SCHEMA.fieldIndex(PUBLISHED_AT);
  private static final int SENTENCE_IDX_AT = SCHEMA.fieldIndex(SENTENCE_IDX);
  private static final int CHAR_BEGIN_AT = SCHEMA.fieldIndex(CHAR_BEGIN);
  private static final int CHAR_END_AT = SCHEMA.fieldIndex(CHAR_END);
  private static final int TEXT_AT = SCHEMA.fieldIndex(TEXT);
  private static final int N_TOKENS_AT = SCHEMA.fieldIndex(N_TOKENS);
  private static final int TOKENS_AT = SCHEMA.fieldIndex(TOKENS);
  private static final int THEMES_AT = SCHEMA.fieldIndex(THEMES);
  private static final int FRAMES_AT = SCHEMA.fieldIndex(FRAMES);
  private static final int THEME_MENTIONS_AT = SCHEMA.fieldIndex(THEME_MENTIONS);
  private static final int MATCHED_TERMS_AT = SCHEMA.fieldIndex(MATCHED_TERMS);
  private static final int TONE_AT = SCHEMA.fieldIndex(TONE);
  private static final int HEDGES_AT = SCHEMA.fieldIndex(HEDGES);
  private static final int BOOSTERS_AT = SCHEMA.fieldIndex(BOOSTERS);
  private static final int ATTITUDE_AT = SCHEMA.fieldIndex(ATTITUDE);
  private static final int SELF_MENTIONS_AT = SCHEMA.fieldIndex(SELF_MENTIONS);
  private static final int VOICE_AT = SCHEMA.fieldIndex(VOICE);
  private static final int AUTHORIAL_TONE_AT = SCHEMA.fieldIndex(AUTHORIAL_TONE);
  private static final int QUOTES_AT = ANNOTATED.fieldIndex(QUOTES);

  /** A builder of one row of {@link #ANNOTATED}. */
  public static Builder row() {
    return new Builder();
  }

  /**
   * One row of {@link #ANNOTATED} (whose first columns are those of {@link #SCHEMA}), set column by
   * column; a column not set is null.
   */
  public static final class Builder {
    private final Object[] values = new Object[ANNOTATED.size()];

    private Builder() {}

    public Builder articleId(String value) {
      return set(ARTICLE_ID_AT, value);
    }

    public Builder story(String value) {
      return set(STORY_AT, value);
    }

    public Builder source(String value) {
      return set(SOURCE_AT, value);
    }

    public Builder language(String value) {
      return set(LANGUAGE_AT, value);
    }

    public Builder publishedAt(java.sql.Timestamp value) {
      return set(PUBLISHED_AT_AT, value);
    }

    public Builder sentenceIdx(long value) {
      return set(SENTENCE_IDX_AT, value);
    }

    public Builder charBegin(long value) {
      return set(CHAR_BEGIN_AT, value);
    }

    public Builder charEnd(long value) {
      return set(CHAR_END_AT, value);
    }

    public Builder text(String value) {
      return set(TEXT_AT, value);
    }

    public Builder nTokens(long value) {
      return set(N_TOKENS_AT, value);
    }

    public Builder tokens(scala.collection.Seq<String> value) {
      return set(TOKENS_AT, value);
    }

    public Builder themes(scala.collection.Seq<String> value) {
      return set(THEMES_AT, value);
    }

    public Builder frames(scala.collection.Seq<String> value) {
      return set(FRAMES_AT, value);
    }

    public Builder themeMentions(scala.collection.Seq<String> value) {
      return set(THEME_MENTIONS_AT, value);
    }

    public Builder matchedTerms(scala.collection.Seq<String> value) {
      return set(MATCHED_TERMS_AT, value);
    }

    public Builder tone(Double value) {
      return set(TONE_AT, value);
    }

    /** The tone set so far (null if none). */
    public Double tone() {
      return (Double) values[TONE_AT];
    }

    public Builder hedges(Long value) {
      return set(HEDGES_AT, value);
    }

    public Builder boosters(Long value) {
      return set(BOOSTERS_AT, value);
    }

    public Builder attitude(Long value) {
      return set(ATTITUDE_AT, value);
    }

    public Builder selfMentions(Long value) {
      return set(SELF_MENTIONS_AT, value);
    }

    public Builder voice(String value) {
      return set(VOICE_AT, value);
    }

    public Builder authorialTone(Double value) {
      return set(AUTHORIAL_TONE_AT, value);
    }

    /** Rows of {@link #QUOTE}: the quotes that start in this sentence, in text order. */
    public Builder quotes(scala.collection.Seq<Row> value) {
      return set(QUOTES_AT, value);
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
