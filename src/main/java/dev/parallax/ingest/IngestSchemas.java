package dev.parallax.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.StructType;

/** Schemas of the ingest stage: the checked intermediate rows, and the two tables it writes. */
public final class IngestSchemas {
  private IngestSchemas() {}

  /** Columns of the articles table, in order. */
  public static final StructType ARTICLES = new StructType()
      .add("article_id", StringType, false)
      .add("record_id", StringType)
      .add("story", StringType, false)
      .add("source", StringType, false)
      .add("url", StringType)
      .add("title", StringType)
      .add("author", StringType)
      .add("published_at", TimestampType)
      .add("language", StringType)
      .add("country", StringType)
      .add("source_type", StringType)
      .add("synthetic", BooleanType)
      .add("text", StringType, false)
      .add("n_chars", LongType, false)
      .add("n_words", LongType, false)
      .add("content_sha256", StringType, false)
      .add("duplicate_of", StringType)
      .add("input_file", StringType, false)
      .add("record_ref", StringType, false)
      .add("record_index", LongType, false)
      .add("extra_json", StringType)
      .add("warnings", createArrayType(StringType, false));

  /** Columns of the rejects table, in order. */
  public static final StructType REJECTS = new StructType()
      .add("input_file", StringType, false)
      .add("record_ref", StringType, false)
      .add("record_index", LongType, false)
      .add("reason_code", StringType, false)
      .add("reason", StringType, false)
      .add("raw_excerpt", StringType)
      .add("source", StringType);

  /** Articles columns plus the reject reason: one row per input record, before the split. */
  static final StructType CHECKED = new StructType(java.util.Arrays.stream(ARTICLES.fields())
      .map(f -> f.copy(f.name(), f.dataType(), true, f.metadata()))
      .toArray(org.apache.spark.sql.types.StructField[]::new))
      .add("reason_code", StringType)
      .add("reason", StringType)
      .add("raw_excerpt", StringType);
}
