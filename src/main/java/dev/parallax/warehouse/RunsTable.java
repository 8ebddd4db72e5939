package dev.parallax.warehouse;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.apache.spark.sql.types.StructType;

/**
 * The {@code runs} table: one row per run of a command, in the partition of the run's date.
 *
 * <p>A date can have several runs (a first run, reruns, single stages), so a partition
 * accumulates: recording a run publishes the partition's existing rows plus the new one, a row
 * with the same run_id replaced. The run date is only the partition column ({@code run_date}),
 * not a column inside the files.
 */
public final class RunsTable {
  private RunsTable() {}

  /** Columns of the files. {@code stage_seconds} and {@code rows_written} are JSON objects. */
  public static final StructType SCHEMA = new StructType()
      .add("run_id", StringType, false)
      .add("command", StringType, false)
      .add("status", StringType, false)
      .add("started_at", TimestampType, false)
      .add("finished_at", TimestampType, false)
      .add("seconds", DoubleType, false)
      .add("stage_seconds", StringType, false)
      .add("input_records", LongType)
      .add("accepted", LongType)
      .add("rejected", LongType)
      .add("duplicates", LongType)
      .add("rows_written", StringType, false)
      .add("version", StringType)
      .add("config_sha256", StringType)
      .add("master", StringType)
      .add("error", StringType);

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Publishes {@code runs/run_date=<runDate>} as its current rows plus {@code run}, atomically
   * ({@link Warehouse#publish}). Call it holding the date's {@link RunLock}: the read and the
   * publish are not atomic together.
   *
   * @return the number of rows in the partition now
   */
  public static long record(SparkSession spark, Warehouse warehouse, LocalDate runDate,
      RunRecord run) {
    List<Row> rows = new ArrayList<>();
    if (warehouse.exists(Table.RUNS, runDate)) {
      for (Row r : warehouse.read(Table.RUNS, runDate).collectAsList()) {
        Row aligned = align(r);
        if (!run.runId().equals(aligned.getString(0))) {
          rows.add(aligned);
        }
      }
    }
    rows.add(toRow(run));
    return warehouse.publish(Table.RUNS, runDate, run.runId(), spark.createDataFrame(rows, SCHEMA));
  }

  /** The run as a row of {@link #SCHEMA}. */
  static Row toRow(RunRecord run) {
    RunRecord.InputCounts in = run.input();
    return RowFactory.create(run.runId(), run.command(), run.status().column(),
        Timestamp.from(run.startedAt()), Timestamp.from(run.finishedAt()), run.seconds(),
        json(roundedToMillis(run.stageSeconds())),
        in == null ? null : in.records(), in == null ? null : in.accepted(),
        in == null ? null : in.rejected(), in == null ? null : in.duplicates(),
        json(run.rowsWritten()), run.version(), run.configSha256(), run.master(), run.error());
  }

  /** A row read back, with the columns of {@link #SCHEMA} by name (null where absent). */
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
