package dev.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.config.ConfigLoader;
import dev.parallax.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest stage over streamed input: a JSON Lines file cut into many splits and a 10 GiB gzip
 * bomb, in one run. The run finishes quickly, the bomb ends in one {@code file_too_large} row after
 * the records before it, and the split file's records keep the line numbers and record indexes
 * counted here from the generated lines. All test data is synthetic.
 */
class StreamingIngestTest {
  static final String RUN_DATE = "2025-03-01";
  static final long CAP = 256L * 1024 * 1024;

  @TempDir Path tmp;

  @Test
  void splitFileAndGzipBombInOneRun() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("in"));
    List<StreamingReadTest.Line> lines = StreamingReadTest.lines(23, 400);
    byte[] split = StreamingReadTest.join(lines, true);
    Files.write(input.resolve("split.jsonl"), split);
    String prefix =
        "{\"source\": \"Bomb Wire\", \"url\": \"https://bomb.example/1\", \"text\": \"synthetic"
            + " text one\"}\n{\"source\": \"Bomb Wire\", \"url\": \"https://bomb.example/2\","
            + " \"text\": \"synthetic text two\"}\n";
    StreamingReadTest.tenGibBomb(input.resolve("bomb.jsonl.gz"), prefix);

    SparkSession spark = TestSpark.get();
    Path warehouse = tmp.resolve("wh");
    var config =
        ConfigLoader.load(
            null,
            Map.of(
                "input", input.toString(),
                "warehouse", warehouse.toString(),
                "run_date", RUN_DATE,
                "dedup.enabled", "false",
                "ingest.max_file_bytes", Long.toString(CAP)));
    String before = spark.conf().get("spark.sql.files.maxPartitionBytes");
    spark.conf().set("spark.sql.files.maxPartitionBytes", "2048");
    List<String> jobs = new java.util.concurrent.CopyOnWriteArrayList<>();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart start) {
            String d = start.properties().getProperty("spark.job.description");
            if (d != null) {
              jobs.add(d);
            }
          }
        };
    spark.sparkContext().addSparkListener(listener);
    long t0 = System.nanoTime();
    IngestJob.Result result;
    try {
      result =
          IngestJob.run(spark, config, new Warehouse(spark, warehouse.toString(), 1_000_000), "t");
    } finally {
      spark.conf().set("spark.sql.files.maxPartitionBytes", before);
      spark.sparkContext().removeSparkListener(listener);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertTrue(seconds < 120, "took " + seconds + " s");

    List<String> expectedSplit =
        StreamingReadTest.expected(lines, true, Long.MAX_VALUE, Long.MAX_VALUE);
    // the split file was cut into parts of 2048 bytes, counted by one job of one task a part
    long parts = (split.length + 2047L) / 2048;
    assertTrue(parts >= 8, "parts " + parts);
    // listener events are delivered asynchronously
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!jobs.contains("ingest: count the lines of " + parts + " file splits")
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(
        jobs.contains("ingest: count the lines of " + parts + " file splits"), jobs::toString);
    List<Row> articles = rows(spark, warehouse, "articles");
    List<Row> rejects = rows(spark, warehouse, "rejects");
    // input = the split file's records + the bomb's two lines + its one file_too_large row
    assertEquals(expectedSplit.size() + 3, result.input());

    List<String> got = new ArrayList<>();
    for (Row r : articles) {
      if (file(r).equals("split.jsonl")) {
        got.add(r.getAs("record_ref") + " " + r.getAs("record_index") + " ok");
      }
    }
    for (Row r : rejects) {
      if (file(r).equals("split.jsonl")) {
        got.add(
            r.getAs("record_ref") + " " + r.getAs("record_index") + " " + r.getAs("reason_code"));
      }
    }
    got.sort(null);
    List<String> want = new ArrayList<>(expectedSplit);
    want.sort(null);
    assertEquals(want, got);

    assertEquals(
        2, articles.stream().filter(r -> file(r).equals("bomb.jsonl.gz")).count(), "bomb lines");
    List<Row> stop = rejects.stream().filter(r -> file(r).equals("bomb.jsonl.gz")).toList();
    assertEquals(1, stop.size(), stop::toString);
    Row row = stop.get(0);
    assertEquals(Reasons.FILE_TOO_LARGE, row.getAs("reason_code"));
    assertEquals("line 3", row.getAs("record_ref"));
    assertEquals(2L, (long) row.<Long>getAs("record_index"));
    String reason = row.getAs("reason");
    assertTrue(reason.contains("ingest.max_file_bytes (" + CAP + " bytes decompressed)"), reason);
    assertTrue(
        reason.contains(
            "byte offset " + prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " "),
        reason);
  }

  private static String file(Row r) {
    return Path.of(r.<String>getAs("input_file")).getFileName().toString();
  }

  private static List<Row> rows(SparkSession spark, Path warehouse, String table) {
    return spark
        .read()
        .parquet(warehouse.resolve(table).resolve("run_date=" + RUN_DATE).toString())
        .collectAsList();
  }
}
