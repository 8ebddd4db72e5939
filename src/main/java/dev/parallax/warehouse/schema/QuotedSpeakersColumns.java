package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * The {@code quoted_speakers} table: whom each source lets speak in a story. Column names and the
 * Spark schema of the files, in column order (the {@code run_date} partition column is not stored
 * in the files); meanings in columns.tsv. Written by compare ({@link
 * dev.parallax.compare.QuotedSpeakers}) from the quotes table.
 */
public final class QuotedSpeakersColumns {
  private QuotedSpeakersColumns() {}

  public static final String STORY = "story";
  public static final String SOURCE = "source";
  public static final String SPEAKER = "speaker";
  public static final String AFFILIATION = "affiliation";
  public static final String SPEAKER_COUNTRY = "speaker_country";
  public static final String SPEAKER_TYPE = "speaker_type";
  public static final String IN_SPEAKERS_MAP = "in_speakers_map";
  public static final String QUOTES = "quotes";
  public static final String DIRECT_QUOTES = "direct_quotes";
  public static final String ATTRIBUTED_STATEMENTS = "attributed_statements";
  public static final String ARTICLES = "articles";
  public static final String SOURCE_QUOTES = "source_quotes";
  public static final String SHARE_OF_SOURCE_QUOTES = "share_of_source_quotes";
  public static final String TONED_QUOTES = "toned_quotes";
  public static final String TONE_MEAN = "tone_mean";
  public static final String RANK_IN_SOURCE = "rank_in_source";

  public static final StructType SCHEMA =
      new StructType()
          .add(STORY, StringType, false)
          .add(SOURCE, StringType, false)
          .add(SPEAKER, StringType)
          .add(AFFILIATION, StringType)
          .add(SPEAKER_COUNTRY, StringType)
          .add(SPEAKER_TYPE, StringType)
          .add(IN_SPEAKERS_MAP, BooleanType, false)
          .add(QUOTES, LongType, false)
          .add(DIRECT_QUOTES, LongType, false)
          .add(ATTRIBUTED_STATEMENTS, LongType, false)
          .add(ARTICLES, LongType, false)
          .add(SOURCE_QUOTES, LongType, false)
          .add(SHARE_OF_SOURCE_QUOTES, DoubleType, false)
          .add(TONED_QUOTES, LongType, false)
          .add(TONE_MEAN, DoubleType)
          .add(RANK_IN_SOURCE, LongType, false);
}
