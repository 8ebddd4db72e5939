package dev.parallax.ingest;

import static org.apache.spark.sql.types.DataTypes.StringType;

import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.RejectsColumns;
import java.util.Arrays;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The ingest stage's intermediate rows: every articles column plus the reject reason, one row per
 * input record before the split into the two tables ({@link ArticlesColumns}, {@link
 * RejectsColumns}).
 */
final class IngestSchemas {
  private IngestSchemas() {}

  /** Articles columns plus the reject reason: one row per input record, before the split. */
  static final StructType CHECKED =
      new StructType(
              Arrays.stream(ArticlesColumns.SCHEMA.fields())
                  .map(f -> f.copy(f.name(), f.dataType(), true, f.metadata()))
                  .toArray(StructField[]::new))
          .add(RejectsColumns.REASON_CODE, StringType)
          .add(RejectsColumns.REASON, StringType)
          .add(RejectsColumns.RAW_EXCERPT, StringType);

  /** Positions in a row of {@link #CHECKED}. */
  static final int ARTICLE_ID = CHECKED.fieldIndex(ArticlesColumns.ARTICLE_ID);

  static final int RECORD_ID = CHECKED.fieldIndex(ArticlesColumns.RECORD_ID);
  static final int STORY = CHECKED.fieldIndex(ArticlesColumns.STORY);
  static final int SOURCE = CHECKED.fieldIndex(ArticlesColumns.SOURCE);
  static final int URL = CHECKED.fieldIndex(ArticlesColumns.URL);
  static final int TITLE = CHECKED.fieldIndex(ArticlesColumns.TITLE);
  static final int AUTHOR = CHECKED.fieldIndex(ArticlesColumns.AUTHOR);
  static final int PUBLISHED_AT = CHECKED.fieldIndex(ArticlesColumns.PUBLISHED_AT);
  static final int LANGUAGE = CHECKED.fieldIndex(ArticlesColumns.LANGUAGE);
  static final int LANGUAGE_DECLARED = CHECKED.fieldIndex(ArticlesColumns.LANGUAGE_DECLARED);
  static final int LANGUAGE_CONFIDENCE = CHECKED.fieldIndex(ArticlesColumns.LANGUAGE_CONFIDENCE);
  static final int COUNTRY = CHECKED.fieldIndex(ArticlesColumns.COUNTRY);
  static final int SOURCE_TYPE = CHECKED.fieldIndex(ArticlesColumns.SOURCE_TYPE);
  static final int SYNTHETIC = CHECKED.fieldIndex(ArticlesColumns.SYNTHETIC);
  static final int TEXT = CHECKED.fieldIndex(ArticlesColumns.TEXT);
  static final int N_CHARS = CHECKED.fieldIndex(ArticlesColumns.N_CHARS);
  static final int N_WORDS = CHECKED.fieldIndex(ArticlesColumns.N_WORDS);
  static final int CONTENT_SHA256 = CHECKED.fieldIndex(ArticlesColumns.CONTENT_SHA256);
  static final int INPUT_FILE = CHECKED.fieldIndex(ArticlesColumns.INPUT_FILE);
  static final int RECORD_REF = CHECKED.fieldIndex(ArticlesColumns.RECORD_REF);
  static final int RECORD_INDEX = CHECKED.fieldIndex(ArticlesColumns.RECORD_INDEX);
  static final int EXTRA_JSON = CHECKED.fieldIndex(ArticlesColumns.EXTRA_JSON);
  static final int WARNINGS = CHECKED.fieldIndex(ArticlesColumns.WARNINGS);
  static final int STORY_SIMILARITY = CHECKED.fieldIndex(ArticlesColumns.STORY_SIMILARITY);
  static final int STORY_KIND = CHECKED.fieldIndex(ArticlesColumns.STORY_KIND);
  static final int OUTLET_HOST = CHECKED.fieldIndex(ArticlesColumns.OUTLET_HOST);
  static final int REASON_CODE = CHECKED.fieldIndex(RejectsColumns.REASON_CODE);
  static final int REASON = CHECKED.fieldIndex(RejectsColumns.REASON);
  static final int RAW_EXCERPT = CHECKED.fieldIndex(RejectsColumns.RAW_EXCERPT);
}
