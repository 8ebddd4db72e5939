package dev.parallax.report;

import dev.parallax.warehouse.schema.WindowColumns;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/**
 * The window of run dates the compare tables were computed over ({@code window_start} to {@code
 * window_end}, both inclusive, {@code compare.window_days} long), and the run dates in it that have
 * no {@code sentences} partition: never run, or run without annotate. Both reports state it at the
 * top.
 *
 * @param missing run dates of the window without sentences, ascending
 */
record ReportWindow(LocalDate start, LocalDate end, List<LocalDate> missing) {

  /**
   * The window the first row of {@code tables} that has one names; null when none does (empty
   * tables, or tables written before the window columns existed).
   *
   * @param hasSentences whether a run date has a sentences partition
   */
  static ReportWindow of(List<List<Row>> tables, Predicate<LocalDate> hasSentences) {
    for (List<Row> rows : tables) {
      if (rows == null) {
        continue;
      }
      for (Row r : rows) {
        LocalDate start = date(r, WindowColumns.WINDOW_START);
        LocalDate end = date(r, WindowColumns.WINDOW_END);
        if (start != null && end != null) {
          List<LocalDate> missing = new ArrayList<>();
          for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (!hasSentences.test(d)) {
              missing.add(d);
            }
          }
          return new ReportWindow(start, end, List.copyOf(missing));
        }
      }
    }
    return null;
  }

  private static LocalDate date(Row r, String column) {
    if (r.schema() == null || !List.of(r.schema().fieldNames()).contains(column)) {
      return null;
    }
    Object v = r.getAs(column);
    return v instanceof Date d ? d.toLocalDate() : v instanceof LocalDate l ? l : null;
  }

  /** Run dates in the window, missing ones included. */
  long days() {
    return end.toEpochDay() - start.toEpochDay() + 1;
  }

  /**
   * "Window: run dates 2025-02-04 to 2025-02-10 (7 days); no sentences for 2025-02-05, 2025-02-06
   * (never run or not annotated)", or "Window: run date 2025-02-10 alone".
   */
  String text() {
    String window =
        days() == 1
            ? "Window: run date " + end + " alone"
            : "Window: run dates " + start + " to " + end + " (" + days() + " days)";
    if (missing.isEmpty()) {
      return window;
    }
    return window
        + "; no sentences for "
        + missing.stream().map(LocalDate::toString).collect(Collectors.joining(", "))
        + " (never run or not annotated)";
  }
}
