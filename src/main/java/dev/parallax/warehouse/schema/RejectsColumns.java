package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * The {@code rejects} table: one rejected input record. Column names and the Spark schema of the
 * files, in column order (the {@code run_date} partition column is not stored in the files);
 * meanings in columns.tsv. Written by ingest.
 */
public final class RejectsColumns {
  private RejectsColumns() {}

  public static final String INPUT_FILE = "input_file";
  public static final String RECORD_REF = "record_ref";
  public static final String RECORD_INDEX = "record_index";
  public static final String REASON_CODE = "reason_code";
  public static final String REASON = "reason";
  public static final String RAW_EXCERPT = "raw_excerpt";
  public static final String SOURCE = "source";

  public static final StructType SCHEMA =
      new StructType()
          .add(INPUT_FILE, StringType, false)
          .add(RECORD_REF, StringType, false)
          .add(RECORD_INDEX, LongType, false)
          .add(REASON_CODE, StringType, false)
          .add(REASON, StringType, false)
          .add(RAW_EXCERPT, StringType)
          .add(SOURCE, StringType);
}
