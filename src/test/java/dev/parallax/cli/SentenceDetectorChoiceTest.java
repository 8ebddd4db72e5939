package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code annotate.sentence_detector}: the annotate stage run with Spark NLP's own SentenceDetector
 * ({@code spark-nlp}) writes the same sentences table, row for row and column for column, as the
 * default splitter wrote for the shared sample warehouse; an unknown value stops the run first.
 */
class SentenceDetectorChoiceTest {
  @TempDir Path tmp;

  @Test
  void theSparkNlpDetectorWritesTheSameSentencesAsTheDefault() {
    Path sample = SampleWarehouse.get();
    Path warehouse = tmp.resolve("warehouse");
    List<String> ingest =
        new ArrayList<>(
            List.of(
                "ingest",
                "--input",
                SampleWarehouse.input().toString(),
                "--warehouse",
                warehouse.toString(),
                "--run-date",
                SampleWarehouse.RUN_DATE));
    ingest.addAll(SampleWarehouse.SETTINGS);
    assertEquals(0, CliRun.execute(ingest.toArray(String[]::new)).code());
    CliRun.Outcome annotate =
        CliRun.execute(
            "annotate",
            "--warehouse",
            warehouse.toString(),
            "--run-date",
            SampleWarehouse.RUN_DATE,
            "--set",
            "annotate.sentence_detector=spark-nlp");
    assertEquals(0, annotate.code(), annotate.err());

    SparkSession spark = TestSpark.get();
    Dataset<Row> byDefault = spark.read().parquet(sample.resolve("sentences").toString());
    Dataset<Row> bySparkNlp = spark.read().parquet(warehouse.resolve("sentences").toString());
    long rows = byDefault.count();
    assertTrue(rows > 100, "sentences: " + rows);
    assertEquals(rows, bySparkNlp.count());
    assertEquals(0, byDefault.exceptAll(bySparkNlp).count(), "rows only the default wrote");
    assertEquals(0, bySparkNlp.exceptAll(byDefault).count(), "rows only spark-nlp wrote");
  }

  @Test
  void anUnknownDetectorIsAConfigErrorBeforeAnyWork() {
    Path warehouse = tmp.resolve("never");
    CliRun.Outcome o =
        CliRun.execute(
            "annotate",
            "--warehouse",
            warehouse.toString(),
            "--run-date",
            SampleWarehouse.RUN_DATE,
            "--set",
            "annotate.sentence_detector=opennlp");
    assertEquals(2, o.code());
    assertEquals(1, o.errorLines().size(), o.err());
    assertTrue(o.errorLines().get(0).contains("annotate.sentence_detector"), o.err());
    assertTrue(!warehouse.toFile().exists(), "nothing written");
  }
}
