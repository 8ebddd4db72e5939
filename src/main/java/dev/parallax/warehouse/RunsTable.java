package dev.parallax.warehouse;

import static dev.parallax.warehouse.schema.RunsColumns.ACCEPTED;
import static dev.parallax.warehouse.schema.RunsColumns.ANALYSED;
import static dev.parallax.warehouse.schema.RunsColumns.COMMAND;
import static dev.parallax.warehouse.schema.RunsColumns.CONFIG_SHA256;
import static dev.parallax.warehouse.schema.RunsColumns.DUPLICATES;
import static dev.parallax.warehouse.schema.RunsColumns.ERROR;
import static dev.parallax.warehouse.schema.RunsColumns.FINISHED_AT;
import static dev.parallax.warehouse.schema.RunsColumns.INPUT_RECORDS;
import static dev.parallax.warehouse.schema.RunsColumns.MASTER;
import static dev.parallax.warehouse.schema.RunsColumns.NEAR_DUPLICATES;
import static dev.parallax.warehouse.schema.RunsColumns.NOT_ANALYSED;
import static dev.parallax.warehouse.schema.RunsColumns.NOT_ANALYSED_BY_LANGUAGE;
import static dev.parallax.warehouse.schema.RunsColumns.REJECTED;
import static dev.parallax.warehouse.schema.RunsColumns.ROWS_WRITTEN;
import static dev.parallax.warehouse.schema.RunsColumns.RUN_ID;
import static dev.parallax.warehouse.schema.RunsColumns.SCHEMA;
import static dev.parallax.warehouse.schema.RunsColumns.SECONDS;
import static dev.parallax.warehouse.schema.RunsColumns.SKIPPED_RECORDS;
import static dev.parallax.warehouse.schema.RunsColumns.STAGE_SECONDS;
import static dev.parallax.warehouse.schema.RunsColumns.STARTED_AT;
import static dev.parallax.warehouse.schema.RunsColumns.STATUS;
import static dev.parallax.warehouse.schema.RunsColumns.VERSION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.warehouse.schema.RunsColumns;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * The {@code runs} table: one row per run of a command, in the partition of the run's date.
 *
 * <p>A date can have several runs (a first run, reruns, single stages), so a partition accumulates:
 * recording a run publishes the partition's existing rows plus the new one, a row with the same
 * run_id replaced. The run date is only the partition column ({@code run_date}), not a column
 * inside the files.
 */
public final class RunsTable {
  private RunsTable() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Publishes {@code runs/run_date=<runDate>} as its current rows plus {@code run}, atomically
   * ({@link Warehouse#publish}). Call it holding the date's {@link RunLock}: the read and the
   * publish are not atomic together.
   *
   * @return the number of rows in the partition now
   */
  public static long record(
      SparkSession spark, Warehouse warehouse, LocalDate runDate, RunRecord run) {
    List<Row> rows = new ArrayList<>();
    if (warehouse.exists(Table.RUNS, runDate)) {
      for (Row r : warehouse.read(Table.RUNS, runDate).collectAsList()) {
        Row aligned = align(r);
        if (!run.runId().equals(aligned.getString(SCHEMA.fieldIndex(RUN_ID)))) {
          rows.add(aligned);
        }
      }
    }
    rows.add(toRow(run));
    return warehouse.publish(Table.RUNS, runDate, run.runId(), spark.createDataFrame(rows, SCHEMA));
  }

  /**
   * The run as a row of {@link RunsColumns#SCHEMA} (one row per run: positions looked up by name).
   */
  static Row toRow(RunRecord run) {
    RunRecord.InputCounts in = run.input();
    Object[] row = new Object[SCHEMA.size()];
    row[SCHEMA.fieldIndex(RUN_ID)] = run.runId();
    row[SCHEMA.fieldIndex(COMMAND)] = run.command();
    row[SCHEMA.fieldIndex(STATUS)] = run.status().column();
    row[SCHEMA.fieldIndex(STARTED_AT)] = Timestamp.from(run.startedAt());
    row[SCHEMA.fieldIndex(FINISHED_AT)] = Timestamp.from(run.finishedAt());
    row[SCHEMA.fieldIndex(SECONDS)] = run.seconds();
    row[SCHEMA.fieldIndex(STAGE_SECONDS)] = json(roundedToMillis(run.stageSeconds()));
    if (in != null) {
      row[SCHEMA.fieldIndex(INPUT_RECORDS)] = in.records();
      row[SCHEMA.fieldIndex(ACCEPTED)] = in.accepted();
      row[SCHEMA.fieldIndex(REJECTED)] = in.rejected();
      row[SCHEMA.fieldIndex(DUPLICATES)] = in.duplicates();
      row[SCHEMA.fieldIndex(NEAR_DUPLICATES)] = in.nearDuplicates();
      row[SCHEMA.fieldIndex(SKIPPED_RECORDS)] =
          in.skippedRecords() == null ? null : json(in.skippedRecords());
      row[SCHEMA.fieldIndex(ANALYSED)] = in.analysed();
      row[SCHEMA.fieldIndex(NOT_ANALYSED)] = in.notAnalysed();
      row[SCHEMA.fieldIndex(NOT_ANALYSED_BY_LANGUAGE)] =
          in.notAnalysedByLanguage() == null ? null : json(in.notAnalysedByLanguage());
    }
    row[SCHEMA.fieldIndex(ROWS_WRITTEN)] = json(run.rowsWritten());
    row[SCHEMA.fieldIndex(VERSION)] = run.version();
    row[SCHEMA.fieldIndex(CONFIG_SHA256)] = run.configSha256();
    row[SCHEMA.fieldIndex(MASTER)] = run.master();
    row[SCHEMA.fieldIndex(ERROR)] = run.error();
    return RowFactory.create(row);
  }

  /**
   * A row read back, with the columns of {@link RunsColumns#SCHEMA} by name (null where absent).
   */
  private static Row align(Row r) {
    List<String> have = Arrays.asList(r.schema().fieldNames());
    StructField[] fields = SCHEMA.fields();
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] = have.contains(fields[i].name()) ? r.getAs(fields[i].name()) : null;
    }
    return RowFactory.create(values);
  }

  private static Map<String, Double> roundedToMillis(Map<String, Double> seconds) {
    Map<String, Double> out = new LinkedHashMap<>();
    seconds.forEach((k, v) -> out.put(k, Math.round(v * 1000) / 1000.0));
    return out;
  }

  private static String json(Map<String, ?> m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
