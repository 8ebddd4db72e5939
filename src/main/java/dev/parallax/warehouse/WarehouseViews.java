package dev.parallax.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.warehouse.schema.RunsColumns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The warehouse's tables as temporary views for Spark SQL, one per {@link Table} named as its
 * folder ({@code articles}, {@code theme_frequency}, …), each holding one run date's partition with
 * its {@code run_date} column (type date), as DuckDB's {@code hive_partitioning} shows it, and the
 * column descriptions of {@link ColumnDocs} as comments ({@code DESCRIBE} shows them).
 *
 * <p>By default every view shows one run date: the latest on which a single successful run
 * published every table (its {@code runs} row names them all in {@code rows_written}), so a join
 * never mixes the tables of two dates.
 */
public final class WarehouseViews {
  private WarehouseViews() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A table registered as a view, and the run date it shows. */
  public record View(Table table, LocalDate runDate) {}

  /**
   * What {@link #register} did.
   *
   * @param views the views registered, in {@link Table} order
   * @param skipped tables with no partition for the date shown (or no partition at all)
   * @param complete when no date was asked: true when the views show the latest run date whose
   *     tables one successful run published; false when no date has that and each view shows its
   *     table's latest date, which may differ
   */
  public record Result(List<View> views, List<Table> skipped, boolean complete) {}

  /**
   * Drops any temporary view named as a table, then registers each table that has a partition to
   * show: {@code runDate}'s when given; else the latest date with a complete successful run ({@link
   * #latestComplete}), or, when the warehouse has none, each table's latest partition. Tables
   * without one are skipped, so a query naming them fails instead of reading a stale view.
   *
   * @param root warehouse root, a local path or a Hadoop file system URI
   * @param runDate the partition to show, or null for the default above
   */
  public static Result register(SparkSession spark, String root, LocalDate runDate) {
    Warehouse warehouse = new Warehouse(spark, root, 1);
    Optional<LocalDate> complete =
        runDate == null ? latestComplete(warehouse) : Optional.of(runDate);
    List<View> views = new ArrayList<>();
    List<Table> skipped = new ArrayList<>();
    for (Table table : Table.values()) {
      spark.catalog().dropTempView(table.folder());
      Optional<LocalDate> date;
      if (complete.isPresent()) {
        date = warehouse.exists(table, complete.get()) ? complete : Optional.empty();
      } else {
        List<LocalDate> dates = warehouse.publishedDates(table);
        date = dates.isEmpty() ? Optional.empty() : Optional.of(dates.get(dates.size() - 1));
      }
      if (date.isEmpty()) {
        skipped.add(table);
        continue;
      }
      ColumnDocs.withComments(table, warehouse.readWithRunDate(table, date.get()))
          .createOrReplaceTempView(table.folder());
      views.add(new View(table, date.get()));
    }
    return new Result(
        List.copyOf(views), List.copyOf(skipped), runDate != null || complete.isPresent());
  }

  /**
   * The latest run date on which one successful run published every table but {@code runs} (which
   * records the run itself), read from the {@code runs} table.
   */
  public static Optional<LocalDate> latestComplete(Warehouse warehouse) {
    Set<String> needed = new TreeSet<>();
    for (Table t : Table.values()) {
      if (t != Table.RUNS) {
        needed.add(t.folder());
      }
    }
    List<LocalDate> dates = new ArrayList<>(warehouse.publishedDates(Table.RUNS));
    Collections.reverse(dates);
    for (LocalDate d : dates) {
      for (Row r :
          warehouse
              .read(Table.RUNS, d)
              .where(functions.col(RunsColumns.STATUS).equalTo(RunRecord.Status.SUCCEEDED.column()))
              .select(RunsColumns.ROWS_WRITTEN)
              .collectAsList()) {
        if (!r.isNullAt(0) && tablesIn(r.getString(0)).containsAll(needed)) {
          return Optional.of(d);
        }
      }
    }
    return Optional.empty();
  }

  private static Set<String> tablesIn(String rowsWrittenJson) {
    Set<String> out = new TreeSet<>();
    try {
      JSON.readTree(rowsWrittenJson).fieldNames().forEachRemaining(out::add);
    } catch (JsonProcessingException e) {
      // an unreadable value names no table
    }
    return out;
  }
}
