package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.StructType;

/**
 * The {@code stories} table: one row per story with articles in the run (seeded, automatic,
 * declared, and the unassigned articles as one row). Written by ingest; meanings in columns.tsv.
 */
public final class StoriesColumns {
  private StoriesColumns() {}

  public static final String STORY = "story";
  public static final String KIND = "kind";
  public static final String LABEL = "label";
  public static final String ARTICLES = "articles";
  public static final String SOURCES = "sources";
  public static final String LANGUAGES = "languages";
  public static final String FIRST_PUBLISHED = "first_published";
  public static final String LAST_PUBLISHED = "last_published";
  public static final String SEEDS = "seeds";
  public static final String THRESHOLD = "threshold";
  public static final String COMPARED = "compared";
  public static final String NOT_COMPARED_REASON = "not_compared_reason";

  public static final StructType SCHEMA =
      new StructType()
          .add(STORY, StringType, false)
          .add(KIND, StringType, false)
          .add(LABEL, StringType)
          .add(ARTICLES, LongType, false)
          .add(SOURCES, LongType, false)
          .add(LANGUAGES, createArrayType(StringType, false), false)
          .add(FIRST_PUBLISHED, TimestampType)
          .add(LAST_PUBLISHED, TimestampType)
          .add(SEEDS, createArrayType(StringType, false), false)
          .add(THRESHOLD, DoubleType)
          .add(COMPARED, BooleanType, false)
          .add(NOT_COMPARED_REASON, StringType);
}
