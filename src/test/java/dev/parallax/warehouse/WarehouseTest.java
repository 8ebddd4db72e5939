package dev.parallax.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parallax.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing rows that already come in the table's order. */
class WarehouseTest {
  static final LocalDate DAY = LocalDate.of(2025, 2, 10);

  @TempDir Path tmp;

  /**
   * 3 partitions of 5, 0 and 4 rows with rows_per_file 2: files of 2, 2, 1 and 2, 2 rows (the empty
   * partition writes none), 9 rows counted, and each file keeps its partition's order.
   */
  @Test
  void orderedPublishWritesEachPartitionAsItComesAndCountsTheRows() throws IOException {
    SparkSession spark = TestSpark.get();
    StructType schema =
        new StructType()
            .add("run_id", DataTypes.StringType, false)
            .add("n", DataTypes.LongType, false);
    List<List<Row>> partitions =
        List.of(rows("a1", "a2", "a3", "a4", "a5"), rows(), rows("c1", "c2", "c3", "c4"));
    Dataset<Row> df =
        spark.createDataFrame(
            JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(partitions, 3)
                .flatMap(List::iterator),
            schema);
    assertEquals(3, df.javaRDD().getNumPartitions());

    Warehouse wh = new Warehouse(spark, tmp.toString(), 2);
    assertEquals(9, wh.publishOrdered(Table.RUNS, DAY, "run-1", df));

    List<Path> files;
    try (Stream<Path> l = Files.list(tmp.resolve("runs/run_date=" + DAY))) {
      files = l.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
    List<List<String>> contents = new ArrayList<>();
    for (Path f : files) {
      contents.add(
          spark
              .read()
              .parquet(f.toString())
              .javaRDD()
              .map(r -> r.getString(r.fieldIndex("run_id")))
              .collect());
    }
    contents.sort((x, y) -> x.get(0).compareTo(y.get(0)));
    assertEquals(
        List.of(
            List.of("a1", "a2"),
            List.of("a3", "a4"),
            List.of("a5"),
            List.of("c1", "c2"),
            List.of("c3", "c4")),
        contents);
    assertEquals(9, wh.read(Table.RUNS, DAY).count());
  }

  /** No rows at all (every article rejected): a readable, empty partition with the schema. */
  @Test
  void orderedPublishOfNoRowsLeavesAnEmptyReadablePartition() {
    SparkSession spark = TestSpark.get();
    StructType schema =
        new StructType()
            .add("run_id", DataTypes.StringType, false)
            .add("n", DataTypes.LongType, false);
    Dataset<Row> none =
        spark.createDataFrame(
            JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(rows(), rows(), rows()), 3)
                .flatMap(List::iterator),
            schema);
    Warehouse wh = new Warehouse(spark, tmp.toString(), 2);
    assertEquals(0, wh.publishOrdered(Table.RUNS, DAY, "run-2", none));
    Dataset<Row> back = wh.read(Table.RUNS, DAY);
    assertEquals(0, back.count());
    assertEquals(List.of("run_id", "n"), List.of(back.columns()));
  }

  private static List<Row> rows(String... ids) {
    List<Row> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(RowFactory.create(id, (long) (id.charAt(1) - '0')));
    }
    return rows;
  }
}
