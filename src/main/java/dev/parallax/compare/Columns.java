package dev.parallax.compare;

import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/** Small column and value helpers shared by the compare transforms. */
final class Columns {
  private Columns() {}

  /** {@code a / b} as a double, null when {@code b} is 0 or null. */
  static Column ratio(Column a, Column b) {
    return when(b.gt(0), a.cast(DataTypes.DoubleType).divide(b.cast(DataTypes.DoubleType)));
  }

  /** An empty {@code array<string>}, to stand in for a null array. */
  static Column emptyStrings() {
    return org.apache
        .spark
        .sql
        .functions
        .array()
        .cast(DataTypes.createArrayType(DataTypes.StringType, false));
  }

  /** Column names as the Scala sequence that {@code Dataset.join(…, usingColumns, …)} takes. */
  static scala.collection.immutable.Seq<String> names(String... names) {
    return scala.collection.JavaConverters.asScalaBuffer(List.of(names)).toList();
  }

  /** The value, or null for NaN and infinities: Parquet readers agree on null, not on NaN. */
  static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** {@code part / whole}, null when {@code whole} is 0. */
  static Double share(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
