package dev.parallax.warehouse;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Rows {@code (run_id, n)} for publishing to the {@code runs} table in storage tests (its sort
 * column is run_id), and the ids read back.
 */
final class TinyRows {
  private TinyRows() {}

  /** One row per id: {@code (id, length of id)}. */
  static Dataset<Row> of(SparkSession spark, String... ids) {
    List<Row> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(RowFactory.create(id, (long) id.length()));
    }
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("run_id", DataTypes.StringType, false)
            .add("n", DataTypes.LongType, false));
  }

  /** The run_id values, sorted. */
  static List<String> ids(Dataset<Row> df) {
    return df.orderBy("run_id").collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}
