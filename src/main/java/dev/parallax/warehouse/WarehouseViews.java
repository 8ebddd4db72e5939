package dev.parallax.warehouse;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The warehouse's tables as temporary views for Spark SQL, one per {@link Table} named as its
 * folder ({@code articles}, {@code theme_frequency}, …), each holding one run date's partition with
 * its {@code run_date} column (type date), as DuckDB's {@code hive_partitioning} shows it, and the
 * column descriptions of {@link ColumnDocs} as comments ({@code DESCRIBE} shows them).
 */
public final class WarehouseViews {
  private WarehouseViews() {}

  private static final String PREFIX = "run_date=";

  /** A table registered as a view, and the run date it shows. */
  public record View(Table table, LocalDate runDate) {}

  /**
   * What {@link #register} did.
   *
   * @param views the views registered, in {@link Table} order
   * @param skipped tables with no partition for the date asked (or no partition at all)
   */
  public record Result(List<View> views, List<Table> skipped) {}

  /**
   * Drops any temporary view named as a table, then registers each table that has a partition to
   * show: {@code runDate}'s when given, else the table's latest ({@code run_date=YYYY-MM-DD} folder
   * with the largest date; other folder names are ignored). Tables without one are skipped, so a
   * query naming them fails instead of reading a stale view.
   *
   * @param root warehouse root, a local path or a Hadoop file system URI
   * @param runDate the partition to show, or null for each table's latest
   */
  public static Result register(SparkSession spark, String root, LocalDate runDate) {
    Warehouse warehouse = new Warehouse(spark, root, 1);
    List<View> views = new ArrayList<>();
    List<Table> skipped = new ArrayList<>();
    for (Table table : Table.values()) {
      spark.catalog().dropTempView(table.folder());
      Optional<LocalDate> date =
          runDate != null
              ? (warehouse.exists(table, runDate) ? Optional.of(runDate) : Optional.empty())
              : latest(spark, warehouse.tablePath(table));
      if (date.isEmpty()) {
        skipped.add(table);
        continue;
      }
      ColumnDocs.withComments(
              table,
              spark
                  .read()
                  .option("basePath", warehouse.tablePath(table).toString())
                  .parquet(warehouse.partitionPath(table, date.get()).toString()))
          .createOrReplaceTempView(table.folder());
      views.add(new View(table, date.get()));
    }
    return new Result(List.copyOf(views), List.copyOf(skipped));
  }

  /** The largest run date among the table's {@code run_date=YYYY-MM-DD} folders, if any. */
  static Optional<LocalDate> latest(SparkSession spark, Path tablePath) {
    try {
      FileSystem fs = tablePath.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] children;
      try {
        children = fs.listStatus(tablePath);
      } catch (FileNotFoundException e) {
        return Optional.empty();
      }
      LocalDate best = null;
      for (FileStatus c : children) {
        String name = c.getPath().getName();
        if (!c.isDirectory() || !name.startsWith(PREFIX)) {
          continue;
        }
        try {
          LocalDate d = LocalDate.parse(name.substring(PREFIX.length()));
          if (best == null || d.isAfter(best)) {
            best = d;
          }
        } catch (DateTimeParseException e) {
          // not a partition folder
        }
      }
      return Optional.ofNullable(best);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
