package dev.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestCorpus;
import dev.parallax.TestSpark;
import dev.parallax.config.ConfigLoader;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.warehouse.Warehouse;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the ingest stage twice on the same date over a copy of src/test/resources/corpus-bad, then
 * reads the published tables back.
 *
 * <p>Expected outcome, counted by hand from the corpus files:
 *
 * <pre>
 * articles.jsonl     9 lines, line 2 blank (not a record) = 8 records:
 *                    line 1 accepted (G1: Alpha Times, https://alpha.example/bridge)
 *                    line 3 malformed_json (cut off mid-string)
 *                    line 4 missing_source ("source": "")
 *                    line 5 missing_source (no source field)
 *                    line 6 missing_text ("text": "   ")
 *                    line 7 missing_text (no text field)
 *                    line 8 invalid_date ("sometime next Tuesday"; ingest.on_bad_date defaults to reject)
 *                    line 9 duplicate_article_id (same source + url as line 1)
 * beta-post.json     item 1 accepted (G2: outlet/body/published_at aliases, published 2025-02-08T12:00Z)
 *                    item 2 not_an_object (a string)
 * binary.txt         file binary_content (PNG-like bytes with NULs)
 * broken.jsonl.gz    file unreadable_file (gzip stream cut in half)
 * delta-daily.csv    record 1 (line 2) accepted (D1: Delta Daily, G2's text word for word, 2025-02-06)
 *                    record 2 (line 3) malformed_csv (3 fields, header has 4)
 *                    record 3 (line 4) malformed_csv (quote never closed; swallows line 5)
 * empty.jsonl        file empty_file (0 bytes)
 * gamma-gazette.md   file accepted (G3: front matter + Markdown body)
 * latin1.txt         file invalid_encoding (ISO-8859-1 bytes)
 * notes.xml          file unknown_format
 * unclosed.md        file malformed_front_matter (no closing ---)
 * </pre>
 *
 * accepted = 4 (G1, G2, D1, G3), rejected = 7 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + 1 = 16, input = 20, 10
 * files. G2 and D1 have the same text; D1 was published earlier (2025-02-06 vs 2025-02-08), so G2
 * is the one duplicate, with duplicate_of = D1's id.
 */
class IngestJobTest {
  static final String RUN_DATE = "2025-02-10";
  static final String RUN_ID = "test-run";

  @TempDir static Path tmp;
  static Path warehouseRoot;
  static IngestJob.Result first;
  static IngestJob.Result second;
  static Set<String> articleFilesAfterFirst;
  static Set<String> rejectFilesAfterFirst;
  static List<Row> articles;
  static List<Row> rejects;

  // ---- fixtures ----

  static Path corpusBad() throws URISyntaxException {
    return Path.of(IngestJobTest.class.getResource("/corpus-bad").toURI());
  }

  static ParallaxConfig config(Path input, Path warehouse, String runDate) {
    return ConfigLoader.load(
        null,
        Map.of("input", input.toString(), "warehouse", warehouse.toString(), "run_date", runDate));
  }

  static IngestJob.Result ingest(Path input, Path warehouse, String runDate) {
    SparkSession spark = TestSpark.get();
    return IngestJob.run(
        spark,
        config(input, warehouse, runDate),
        new Warehouse(spark, warehouse.toString(), 1_000_000),
        RUN_ID);
  }

  static Path partition(Path warehouse, String table, String runDate) {
    return warehouse.resolve(table).resolve("run_date=" + runDate);
  }

  static List<Row> readTable(Path warehouse, String table, String runDate) {
    return TestSpark.get()
        .read()
        .parquet(partition(warehouse, table, runDate).toString())
        .collectAsList();
  }

  /** Names of the data files in a partition (Parquet parts and their checksums). */
  static Set<String> dataFiles(Path partition) throws IOException {
    try (Stream<Path> s = Files.list(partition)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.contains("part-"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  static String fileName(Row r) {
    return Path.of(r.<String>getAs("input_file")).getFileName().toString();
  }

  static String where(Row r) {
    return fileName(r) + " " + r.getAs("record_ref");
  }

  /** First 16 hex chars of SHA-256 of the parts joined by U+001F, computed independently. */
  static String idOf(String... parts) throws Exception {
    byte[] d =
        MessageDigest.getInstance("SHA-256")
            .digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder();
    for (byte b : d) {
      hex.append(String.format("%02x", b & 0xff));
    }
    return hex.substring(0, 16);
  }

  static Row article(String where) {
    return articles.stream()
        .filter(r -> where(r).equals(where))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no article from " + where));
  }

  @BeforeAll
  static void ingestTwice() throws Exception {
    Path input = tmp.resolve("input");
    TestCorpus.copyTree(corpusBad(), input);
    warehouseRoot = tmp.resolve("warehouse");
    first = ingest(input, warehouseRoot, RUN_DATE);
    articleFilesAfterFirst = dataFiles(partition(warehouseRoot, "articles", RUN_DATE));
    rejectFilesAfterFirst = dataFiles(partition(warehouseRoot, "rejects", RUN_DATE));
    second = ingest(input, warehouseRoot, RUN_DATE);
    articles = readTable(warehouseRoot, "articles", RUN_DATE);
    rejects = readTable(warehouseRoot, "rejects", RUN_DATE);
  }

  // ---- counts ----

  @Test
  void countsMatchTheHandCount() {
    assertEquals(20, first.input(), first::reconciliation);
    assertEquals(4, first.accepted(), first::reconciliation);
    assertEquals(16, first.rejected(), first::reconciliation);
    assertEquals(1, first.duplicates(), first::reconciliation);
    assertEquals(10, first.files());
    assertEquals(List.of(), first.skipped());
  }

  @Test
  void inputIsAcceptedPlusRejected() {
    assertEquals(first.input(), first.accepted() + first.rejected());
    assertEquals(first.accepted(), articles.size());
    assertEquals(first.rejected(), rejects.size());
  }

  // ---- rejects ----

  @Test
  void everyRejectHasTheExpectedReasonAndRecordRef() {
    Map<String, String> expected = new TreeMap<>();
    expected.put("articles.jsonl line 3", Reasons.MALFORMED_JSON);
    expected.put("articles.jsonl line 4", Reasons.MISSING_SOURCE);
    expected.put("articles.jsonl line 5", Reasons.MISSING_SOURCE);
    expected.put("articles.jsonl line 6", Reasons.MISSING_TEXT);
    expected.put("articles.jsonl line 7", Reasons.MISSING_TEXT);
    expected.put("articles.jsonl line 8", Reasons.INVALID_DATE);
    expected.put("articles.jsonl line 9", Reasons.DUPLICATE_ARTICLE_ID);
    expected.put("beta-post.json item 2", Reasons.NOT_AN_OBJECT);
    expected.put("binary.txt file", Reasons.BINARY_CONTENT);
    expected.put("broken.jsonl.gz file", Reasons.UNREADABLE_FILE);
    expected.put("delta-daily.csv record 2 (line 3)", Reasons.MALFORMED_CSV);
    expected.put("delta-daily.csv record 3 (line 4)", Reasons.MALFORMED_CSV);
    expected.put("empty.jsonl file", Reasons.EMPTY_FILE);
    expected.put("latin1.txt file", Reasons.INVALID_ENCODING);
    expected.put("notes.xml file", Reasons.UNKNOWN_FORMAT);
    expected.put("unclosed.md file", Reasons.MALFORMED_FRONT_MATTER);

    Map<String, String> actual = new TreeMap<>();
    for (Row r : rejects) {
      String previous = actual.put(where(r), r.getAs("reason_code"));
      assertNull(previous, () -> "two rejects for " + where(r));
    }
    assertEquals(expected, actual);
  }

  @Test
  void everyReasonCodeOfTheContractOccurs() {
    Set<String> all =
        Set.of(
            Reasons.EMPTY_FILE,
            Reasons.UNKNOWN_FORMAT,
            Reasons.UNREADABLE_FILE,
            Reasons.BINARY_CONTENT,
            Reasons.INVALID_ENCODING,
            Reasons.MALFORMED_JSON,
            Reasons.MALFORMED_CSV,
            Reasons.MALFORMED_FRONT_MATTER,
            Reasons.NOT_AN_OBJECT,
            Reasons.MISSING_SOURCE,
            Reasons.MISSING_TEXT,
            Reasons.INVALID_DATE,
            Reasons.DUPLICATE_ARTICLE_ID);
    assertEquals(
        all, rejects.stream().map(r -> r.<String>getAs("reason_code")).collect(Collectors.toSet()));
  }

  @Test
  void everyRejectSaysWhy() {
    for (Row r : rejects) {
      String reason = r.getAs("reason");
      assertTrue(reason != null && !reason.isBlank(), () -> "no reason for " + where(r));
    }
  }

  @Test
  void duplicateArticleIdNamesTheFirstRecord() {
    Row dup =
        rejects.stream()
            .filter(r -> where(r).equals("articles.jsonl line 9"))
            .findFirst()
            .orElseThrow();
    String reason = dup.getAs("reason");
    assertTrue(reason.contains("articles.jsonl line 1"), reason);
    assertEquals("Alpha Times", dup.getAs("source"));
  }

  @Test
  void rejectExcerptsShowTheRawInput() {
    Row malformed =
        rejects.stream()
            .filter(r -> where(r).equals("articles.jsonl line 3"))
            .findFirst()
            .orElseThrow();
    assertTrue(malformed.<String>getAs("raw_excerpt").startsWith("{\"source\": \"Alpha Times\""));
    Row csv =
        rejects.stream()
            .filter(r -> where(r).equals("delta-daily.csv record 3 (line 4)"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        csv.<String>getAs("raw_excerpt").contains("This row is swallowed"),
        csv.<String>getAs("raw_excerpt"));
  }

  // ---- articles ----

  @Test
  void acceptedArticlesAreTheFourGoodRecords() {
    assertEquals(
        Set.of(
            "articles.jsonl line 1",
            "beta-post.json item 1",
            "delta-daily.csv record 1 (line 2)",
            "gamma-gazette.md file"),
        articles.stream().map(IngestJobTest::where).collect(Collectors.toSet()));
  }

  @Test
  void articleIdsAreSha256OfSourceAndUrl() throws Exception {
    assertEquals(
        idOf("Alpha Times", "https://alpha.example/bridge"),
        article("articles.jsonl line 1").getAs("article_id"));
    assertEquals(
        idOf("Beta Post", "https://beta.example/budget"),
        article("beta-post.json item 1").getAs("article_id"));
    assertEquals(
        idOf("Delta Daily", "https://delta.example/budget"),
        article("delta-daily.csv record 1 (line 2)").getAs("article_id"));
    assertEquals(
        idOf("Gamma Gazette", "https://gamma.example/ferry"),
        article("gamma-gazette.md file").getAs("article_id"));
  }

  @Test
  void exactDuplicatePointsToTheEarliestPublishedCopy() throws Exception {
    String delta = idOf("Delta Daily", "https://delta.example/budget");
    Map<String, String> duplicateOf = new HashMap<>();
    for (Row r : articles) {
      duplicateOf.put(where(r), r.getAs("duplicate_of"));
    }
    Map<String, String> expected = new HashMap<>();
    expected.put("articles.jsonl line 1", null);
    expected.put("beta-post.json item 1", delta); // published 2025-02-08, after Delta's 2025-02-06
    expected.put("delta-daily.csv record 1 (line 2)", null);
    expected.put("gamma-gazette.md file", null);
    assertEquals(expected, duplicateOf);
  }

  @Test
  void fieldsAreNormalised() {
    Row beta = article("beta-post.json item 1");
    assertEquals("Beta Post", beta.getAs("source"));
    assertEquals(Timestamp.from(Instant.parse("2025-02-08T12:00:00Z")), beta.getAs("published_at"));
    Row gamma = article("gamma-gazette.md file");
    // 18:30 at UTC-5 is 23:30 UTC
    assertEquals(
        Timestamp.from(Instant.parse("2025-02-07T23:30:00Z")), gamma.getAs("published_at"));
    assertEquals(
        "The harbour ferry resumed its evening runs, the port authority said.",
        gamma.getAs("text"));
    assertEquals("default", gamma.getAs("story"));
    Row delta = article("delta-daily.csv record 1 (line 2)");
    assertEquals(
        Timestamp.from(Instant.parse("2025-02-06T00:00:00Z")), delta.getAs("published_at"));
    assertEquals(beta.<String>getAs("content_sha256"), delta.getAs("content_sha256"));
  }

  @Test
  void inputFileIsTheAbsolutePath() {
    for (Row r : articles) {
      assertTrue(
          Path.of(r.<String>getAs("input_file")).isAbsolute(), r.<String>getAs("input_file"));
      assertTrue(r.<String>getAs("input_file").startsWith(tmp.resolve("input").toString()));
    }
  }

  // ---- published partitions ----

  @Test
  void partitionsArePublishedUnderTheRunDate() {
    assertTrue(Files.isDirectory(partition(warehouseRoot, "articles", RUN_DATE)));
    assertTrue(Files.isDirectory(partition(warehouseRoot, "rejects", RUN_DATE)));
    assertFalse(articleFilesAfterFirst.isEmpty());
    assertFalse(rejectFilesAfterFirst.isEmpty());
  }

  private static IngestJob.Result withTimings(IngestJob.Result r, Map<String, Double> timings) {
    return new IngestJob.Result(
        r.input(),
        r.accepted(),
        r.rejected(),
        r.duplicates(),
        r.nearDuplicates(),
        r.syndication(),
        r.stories(),
        r.files(),
        r.skipped(),
        r.skippedRecords(),
        timings);
  }

  @Test
  void secondRunOnTheSameDateReplacesThePartition() throws IOException {
    // every count equal; only the steps' seconds may differ between the two runs
    assertEquals(first.timings().keySet(), second.timings().keySet());
    assertEquals(first, withTimings(second, first.timings()), "same input, same counts");
    assertEquals(first.accepted(), articles.size());
    assertEquals(first.rejected(), rejects.size());
    Set<String> articleFilesNow = dataFiles(partition(warehouseRoot, "articles", RUN_DATE));
    Set<String> rejectFilesNow = dataFiles(partition(warehouseRoot, "rejects", RUN_DATE));
    assertFalse(articleFilesNow.isEmpty());
    assertFalse(rejectFilesNow.isEmpty());
    assertTrue(
        Collections.disjoint(articleFilesAfterFirst, articleFilesNow),
        () -> "files of the first run left: " + articleFilesAfterFirst + " / " + articleFilesNow);
    assertTrue(
        Collections.disjoint(rejectFilesAfterFirst, rejectFilesNow),
        () -> "files of the first run left: " + rejectFilesAfterFirst + " / " + rejectFilesNow);
  }

  // ---- Parquet input ----

  @Test
  void parquetInputIsIngestedRowByRow(@TempDir Path dir) throws Exception {
    SparkSession spark = TestSpark.get();
    StructType schema =
        new StructType()
            .add("source", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("url", DataTypes.StringType)
            .add("published", DataTypes.StringType);
    List<Row> rows =
        List.of(
            RowFactory.create(
                "Omega Online",
                "First Parquet story.",
                "https://omega.example/1",
                "2025-02-07T18:30:00-05:00"),
            RowFactory.create("Omega Online", null, "https://omega.example/2", "2025-02-07"),
            RowFactory.create("Omega Online", "Third Parquet story.", null, null));
    Path input = dir.resolve("input");
    spark
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .parquet(input.resolve("omega").toString());
    Path warehouse = dir.resolve("warehouse");

    IngestJob.Result result = ingest(input, warehouse, "2025-02-11");

    // row 2 has no text; rows 1 and 3 are good
    assertEquals(3, result.input(), result::reconciliation);
    assertEquals(2, result.accepted(), result::reconciliation);
    assertEquals(1, result.rejected(), result::reconciliation);
    assertEquals(1, result.files());
    Map<String, Row> byRef =
        readTable(warehouse, "articles", "2025-02-11").stream()
            .collect(Collectors.toMap(r -> r.getAs("record_ref"), r -> r));
    assertEquals(Set.of("row 1", "row 3"), byRef.keySet());
    Row one = byRef.get("row 1");
    assertTrue(
        one.<String>getAs("input_file").endsWith(".parquet"), one.<String>getAs("input_file"));
    assertEquals(idOf("Omega Online", "https://omega.example/1"), one.getAs("article_id"));
    assertEquals(Timestamp.from(Instant.parse("2025-02-07T23:30:00Z")), one.getAs("published_at"));
    assertEquals(
        idOf("Omega Online", "", "Third Parquet story."), byRef.get("row 3").getAs("article_id"));
    assertNull(byRef.get("row 3").getAs("published_at"));
    List<Row> rej = readTable(warehouse, "rejects", "2025-02-11");
    assertEquals(1, rej.size());
    assertEquals("row 2", rej.get(0).getAs("record_ref"));
    assertEquals(Reasons.MISSING_TEXT, rej.get(0).getAs("reason_code"));
    assertNotNull(rej.get(0).getAs("raw_excerpt"));
  }

  static StructType sourceTextSchema() {
    return new StructType().add("source", DataTypes.StringType).add("text", DataTypes.StringType);
  }

  @Test
  void corruptParquetFileIsOneRejectNotAFailedRun(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Files.writeString(input.resolve("not-really.parquet"), "these bytes are not Parquet");
    Files.writeString(input.resolve("good.jsonl"), "{\"source\": \"A\", \"text\": \"Fine.\"}\n");

    IngestJob.Result result = ingest(input, dir.resolve("warehouse"), "2025-02-12");

    assertEquals(2, result.input(), result::reconciliation);
    assertEquals(1, result.accepted(), result::reconciliation);
    Row reject = readTable(dir.resolve("warehouse"), "rejects", "2025-02-12").get(0);
    assertEquals("not-really.parquet file", where(reject));
    assertEquals(Reasons.UNREADABLE_FILE, reject.getAs("reason_code"));
  }

  @Test
  void parquetFileWithoutRowsCountsAsOneReject(@TempDir Path dir) {
    Path input = dir.resolve("input");
    TestSpark.get()
        .createDataFrame(List.<Row>of(), sourceTextSchema())
        .coalesce(1)
        .write()
        .parquet(input.resolve("empty").toString());

    IngestJob.Result result = ingest(input, dir.resolve("warehouse"), "2025-02-13");

    assertEquals(1, result.input(), result::reconciliation);
    assertEquals(1, result.rejected(), result::reconciliation);
    assertEquals(
        Reasons.EMPTY_FILE,
        readTable(dir.resolve("warehouse"), "rejects", "2025-02-13").get(0).getAs("reason_code"));
  }

  @Test
  void emptyFrontMatterDoesNotAbortTheRun(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Files.writeString(input.resolve("no-meta.md"), "---\n---\nBody without metadata.\n");
    Files.writeString(input.resolve("good.jsonl"), "{\"source\": \"A\", \"text\": \"Fine.\"}\n");

    IngestJob.Result result = ingest(input, dir.resolve("warehouse"), "2025-02-14");

    // no-meta.md has text but no source: missing_source
    assertEquals(2, result.input(), result::reconciliation);
    assertEquals(1, result.accepted(), result::reconciliation);
    assertEquals(1, result.rejected(), result::reconciliation);
  }

  @Test
  void nearDuplicatesAreMarkedCountedAndListedInSyndication() throws Exception {
    // synthetic: an invented wire story of six sentences-paragraphs, reprinted by an invented
    // outlet with its own byline and the last paragraph cut, and printed again word for word
    StringBuilder wire = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      wire.append(i == 1 ? "" : "\\n\\n")
          .append("Paragraph ")
          .append(i)
          .append(" of the invented wire story tells how the harbour board of Eastmere voted on")
          .append(" the new ferry timetable and what the mayor said about fares in week ")
          .append(i)
          .append('.');
    }
    String text = wire.toString();
    String copy = "By a staff writer.\\n\\n" + text.substring(0, text.lastIndexOf("\\n\\n"));
    Path input = tmp.resolve("near-dup-input");
    Files.createDirectories(input);
    Files.writeString(
        input.resolve("wire.jsonl"),
        "{\"source\":\"Eastmere Wire\",\"url\":\"https://wire.invalid/1\","
            + "\"published\":\"2025-03-01T08:00:00Z\",\"text\":\""
            + text
            + "\"}\n"
            + "{\"source\":\"Harbour Gazette\",\"url\":\"https://gazette.invalid/1\","
            + "\"published\":\"2025-03-01T09:00:00Z\",\"text\":\""
            + copy
            + "\"}\n"
            + "{\"source\":\"Quayside Post\",\"url\":\"https://post.invalid/1\","
            + "\"published\":\"2025-03-01T10:00:00Z\",\"text\":\""
            + text
            + "\"}\n",
        StandardCharsets.UTF_8);
    Path warehouse = tmp.resolve("near-dup-warehouse");
    IngestJob.Result r = ingest(input, warehouse, "2025-03-01");
    assertEquals(3, r.accepted(), r::reconciliation);
    assertEquals(1, r.duplicates(), r::reconciliation);
    assertEquals(1, r.nearDuplicates(), r::reconciliation);
    assertEquals(2, r.syndication(), r::reconciliation);
    assertTrue(r.reconciliation().endsWith(" duplicates=1 near_duplicates=1"), r.reconciliation());
    Map<String, Row> bySource =
        readTable(warehouse, "articles", "2025-03-01").stream()
            .collect(Collectors.toMap(x -> x.getAs("source"), x -> x));
    String wireId = idOf("Eastmere Wire", "https://wire.invalid/1");
    assertEquals(wireId, bySource.get("Harbour Gazette").getAs("near_duplicate_of"));
    assertEquals(wireId, bySource.get("Quayside Post").getAs("duplicate_of"));
    assertNull(bySource.get("Quayside Post").getAs("near_duplicate_of"));
    assertNull(bySource.get("Eastmere Wire").getAs("near_duplicate_of"));
    List<String> syndication =
        readTable(warehouse, "syndication", "2025-03-01").stream()
            .map(
                x ->
                    x.getAs("group_id")
                        + "|"
                        + x.getAs("source")
                        + "|"
                        + x.getAs("match")
                        + "|"
                        + x.getAs("group_articles")
                        + "|"
                        + x.getAs("group_sources"))
            .sorted()
            .toList();
    assertEquals(
        List.of(wireId + "|Harbour Gazette|near|3|3", wireId + "|Quayside Post|exact|3|3"),
        syndication);
  }
}
