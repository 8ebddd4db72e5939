package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.StructType;

/**
 * The {@code runs} table: one run of a command. Column names and the Spark schema of the files, in
 * column order (the {@code run_date} partition column is not stored in the files); meanings in
 * columns.tsv. Written by {@link dev.parallax.warehouse.RunsTable}; {@code stage_seconds}, {@code
 * rows_written} and {@code not_analysed_by_language} are JSON objects.
 */
public final class RunsColumns {
  private RunsColumns() {}

  public static final String RUN_ID = "run_id";
  public static final String COMMAND = "command";
  public static final String STATUS = "status";
  public static final String STARTED_AT = "started_at";
  public static final String FINISHED_AT = "finished_at";
  public static final String SECONDS = "seconds";
  public static final String STAGE_SECONDS = "stage_seconds";
  public static final String INPUT_RECORDS = "input_records";
  public static final String ACCEPTED = "accepted";
  public static final String REJECTED = "rejected";
  public static final String DUPLICATES = "duplicates";
  public static final String NEAR_DUPLICATES = "near_duplicates";
  public static final String SKIPPED_RECORDS = "skipped_records";
  public static final String ANALYSED = "analysed";
  public static final String NOT_ANALYSED = "not_analysed";
  public static final String NOT_ANALYSED_BY_LANGUAGE = "not_analysed_by_language";
  public static final String ROWS_WRITTEN = "rows_written";
  public static final String VERSION = "version";
  public static final String CONFIG_SHA256 = "config_sha256";
  public static final String MASTER = "master";
  public static final String ERROR = "error";

  public static final StructType SCHEMA =
      new StructType()
          .add(RUN_ID, StringType, false)
          .add(COMMAND, StringType, false)
          .add(STATUS, StringType, false)
          .add(STARTED_AT, TimestampType, false)
          .add(FINISHED_AT, TimestampType, false)
          .add(SECONDS, DoubleType, false)
          .add(STAGE_SECONDS, StringType, false)
          .add(INPUT_RECORDS, LongType)
          .add(ACCEPTED, LongType)
          .add(REJECTED, LongType)
          .add(DUPLICATES, LongType)
          .add(NEAR_DUPLICATES, LongType)
          .add(SKIPPED_RECORDS, StringType)
          .add(ANALYSED, LongType)
          .add(NOT_ANALYSED, LongType)
          .add(NOT_ANALYSED_BY_LANGUAGE, StringType)
          .add(ROWS_WRITTEN, StringType, false)
          .add(VERSION, StringType)
          .add(CONFIG_SHA256, StringType)
          .add(MASTER, StringType)
          .add(ERROR, StringType);
}
