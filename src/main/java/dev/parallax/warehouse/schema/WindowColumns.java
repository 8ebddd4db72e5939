package dev.parallax.warehouse.schema;

import static org.apache.spark.sql.types.DataTypes.DateType;

import org.apache.spark.sql.types.StructType;

/**
 * The two columns every table of the compare stage ends with: the window of run dates its rows were
 * computed over ({@code compare.window_days}), first and last run date, both inclusive. Compare
 * computes a table's rows without them and adds them when it publishes.
 */
public final class WindowColumns {
  private WindowColumns() {}

  public static final String WINDOW_START = "window_start";
  public static final String WINDOW_END = "window_end";

  /** {@code schema} followed by {@code window_start} and {@code window_end} (dates, never null). */
  public static StructType append(StructType schema) {
    return schema.add(WINDOW_START, DateType, false).add(WINDOW_END, DateType, false);
  }
}
