package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.StructType;

/**
 * The {@code articles} table: one accepted input record. Column names and the Spark schema of the
 * files, in column order (the {@code run_date} partition column is not stored in the files);
 * meanings in columns.tsv. Written by ingest.
 */
public final class ArticlesColumns {
  private ArticlesColumns() {}

  public static final String ARTICLE_ID = "article_id";
  public static final String RECORD_ID = "record_id";
  public static final String STORY = "story";
  public static final String SOURCE = "source";
  public static final String URL = "url";
  public static final String TITLE = "title";
  public static final String AUTHOR = "author";
  public static final String PUBLISHED_AT = "published_at";
  public static final String LANGUAGE = "language";
  public static final String LANGUAGE_DECLARED = "language_declared";
  public static final String LANGUAGE_CONFIDENCE = "language_confidence";
  public static final String COUNTRY = "country";
  public static final String SOURCE_TYPE = "source_type";
  public static final String SYNTHETIC = "synthetic";
  public static final String TEXT = "text";
  public static final String N_CHARS = "n_chars";
  public static final String N_WORDS = "n_words";
  public static final String CONTENT_SHA256 = "content_sha256";
  public static final String DUPLICATE_OF = "duplicate_of";
  public static final String INPUT_FILE = "input_file";
  public static final String RECORD_REF = "record_ref";
  public static final String RECORD_INDEX = "record_index";
  public static final String EXTRA_JSON = "extra_json";
  public static final String WARNINGS = "warnings";
  public static final String NEAR_DUPLICATE_OF = "near_duplicate_of";
  public static final String NEAR_DUPLICATE_SIMILARITY = "near_duplicate_similarity";
  public static final String STORY_SIMILARITY = "story_similarity";
  public static final String STORY_KIND = "story_kind";
  public static final String OUTLET_HOST = "outlet_host";

  /** Values of {@link #STORY_KIND}. */
  public static final String KIND_DECLARED = "declared";

  public static final String KIND_SEEDED = "seeded";
  public static final String KIND_AUTO = "auto";
  public static final String KIND_UNASSIGNED = "unassigned";

  /** The story of articles that joined no story (story_kind unassigned). */
  public static final String UNASSIGNED_STORY = "unassigned";

  public static final StructType SCHEMA =
      new StructType()
          .add(ARTICLE_ID, StringType, false)
          .add(RECORD_ID, StringType)
          .add(STORY, StringType, false)
          .add(SOURCE, StringType, false)
          .add(URL, StringType)
          .add(TITLE, StringType)
          .add(AUTHOR, StringType)
          .add(PUBLISHED_AT, TimestampType)
          .add(LANGUAGE, StringType)
          .add(LANGUAGE_DECLARED, StringType)
          .add(LANGUAGE_CONFIDENCE, DoubleType)
          .add(COUNTRY, StringType)
          .add(SOURCE_TYPE, StringType)
          .add(SYNTHETIC, BooleanType)
          .add(TEXT, StringType, false)
          .add(N_CHARS, LongType, false)
          .add(N_WORDS, LongType, false)
          .add(CONTENT_SHA256, StringType, false)
          .add(DUPLICATE_OF, StringType)
          .add(INPUT_FILE, StringType, false)
          .add(RECORD_REF, StringType, false)
          .add(RECORD_INDEX, LongType, false)
          .add(EXTRA_JSON, StringType)
          .add(WARNINGS, createArrayType(StringType, false))
          .add(NEAR_DUPLICATE_OF, StringType)
          .add(NEAR_DUPLICATE_SIMILARITY, DoubleType)
          .add(STORY_SIMILARITY, DoubleType)
          .add(STORY_KIND, StringType, false)
          .add(OUTLET_HOST, StringType);
}
