package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.StructType;

/**
 * The {@code quotes} table: one direct quote or attributed statement of an annotated article.
 * Column names and the Spark schema of the files, in column order (the {@code run_date} partition
 * column is not stored in the files); meanings in columns.tsv. Written by annotate from the {@code
 * quotes} column of the sentences it publishes, read by compare.
 */
public final class QuotesColumns {
  private QuotesColumns() {}

  public static final String ARTICLE_ID = "article_id";
  public static final String STORY = "story";
  public static final String SOURCE = "source";
  public static final String LANGUAGE = "language";
  public static final String PUBLISHED_AT = "published_at";
  public static final String SENTENCE_IDX = "sentence_idx";
  public static final String QUOTE_IDX = "quote_idx";
  public static final String KIND = "kind";
  public static final String SENTENCE_COUNT = "sentence_count";
  public static final String QUOTE_TEXT = "quote_text";
  public static final String SPEAKER = "speaker";
  public static final String SPEAKER_CANONICAL = "speaker_canonical";
  public static final String AFFILIATION = "affiliation";
  public static final String SPEAKER_COUNTRY = "speaker_country";
  public static final String SPEAKER_TYPE = "speaker_type";
  public static final String TONE = "tone";

  /** {@link #KIND} of a quotation inside quotation marks. */
  public static final String DIRECT = "direct";

  /** {@link #KIND} of reported speech ("X said that …", "according to X"). */
  public static final String ATTRIBUTED = "attributed";

  /**
   * The columns of one quote itself, in order: the fields of an element of the annotated rows'
   * {@code quotes} column ({@link SentencesColumns#QUOTE}), and the last columns of {@link
   * #SCHEMA}.
   */
  public static final StructType QUOTE =
      new StructType()
          .add(QUOTE_IDX, LongType, false)
          .add(KIND, StringType, false)
          .add(SENTENCE_COUNT, LongType, false)
          .add(QUOTE_TEXT, StringType, false)
          .add(SPEAKER, StringType)
          .add(SPEAKER_CANONICAL, StringType)
          .add(AFFILIATION, StringType)
          .add(SPEAKER_COUNTRY, StringType)
          .add(SPEAKER_TYPE, StringType)
          .add(TONE, DoubleType);

  /** The table: the keys of the sentence a quote starts in, then {@link #QUOTE}. */
  public static final StructType SCHEMA =
      new StructType(
          java.util.stream.Stream.concat(
                  java.util.Arrays.stream(
                      new StructType()
                          .add(ARTICLE_ID, StringType, false)
                          .add(STORY, StringType, false)
                          .add(SOURCE, StringType, false)
                          .add(LANGUAGE, StringType)
                          .add(PUBLISHED_AT, TimestampType)
                          .add(SENTENCE_IDX, LongType, false)
                          .fields()),
                  java.util.Arrays.stream(QUOTE.fields()))
              .toArray(org.apache.spark.sql.types.StructField[]::new));
}
