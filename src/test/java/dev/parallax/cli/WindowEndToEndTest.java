package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parallax.TestSpark;
import dev.parallax.compare.CompareFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three run dates built from the bundled sample, split by published day (up to 2025-02-08, 02-09
 * and 02-10, from 02-11 on), with a few synthetic articles added: a reprint on the last date of an
 * article of the first, one without a publication date, one dated 1970 and one dated 2031. The last
 * date is run with a 3-day window; its tables are checked against counts made here from the
 * sample's own one-day run (the shared sample warehouse), independently of the compare code.
 */
class WindowEndToEndTest {
  @TempDir static Path tmp;

  static final LocalDate D1 = LocalDate.parse("2025-02-08");
  static final LocalDate D2 = LocalDate.parse("2025-02-09");
  static final LocalDate D3 = LocalDate.parse("2025-02-10");
  static final String STORY = "ishiba-trump-2025";

  static Path warehouse;
  static CliRun.Outcome first;
  static CliRun.Outcome last;

  /** The sample's analysed articles (those with sentences): source and UTC day by article id. */
  static Map<String, String> sourceOf = new HashMap<>();

  static Map<String, LocalDate> dayOf = new HashMap<>();

  /** The article the reprint copies (published on or before D1). */
  static String reprinted;

  @BeforeAll
  static void runThreeDates() throws IOException {
    Path sample = SampleWarehouse.get();
    for (Row r :
        TestSpark.get()
            .read()
            .parquet(sample.resolve("sentences").toString())
            .select("article_id", "source", "published_at")
            .distinct()
            .collectAsList()) {
      sourceOf.put(r.getString(0), r.getString(1));
      dayOf.put(r.getString(0), day(r.getTimestamp(2)));
    }
    Dataset<Row> articles = TestSpark.get().read().parquet(sample.resolve("articles").toString());
    Map<LocalDate, List<ObjectNode>> byDate = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (Row a : articles.collectAsList()) {
      ObjectNode n = json.createObjectNode();
      n.put("id", (String) a.getAs("record_id"));
      n.put("source", (String) a.getAs("source"));
      n.put("url", (String) a.getAs("url"));
      n.put("title", (String) a.getAs("title"));
      n.put("author", (String) a.getAs("author"));
      Timestamp published = a.getAs("published_at");
      n.put("published", published.toInstant().toString());
      n.put("language", (String) a.getAs("language_declared"));
      n.put("country", (String) a.getAs("country"));
      n.put("source_type", (String) a.getAs("source_type"));
      n.put("synthetic", true);
      n.put("story", (String) a.getAs("story"));
      n.put("text", (String) a.getAs("text"));
      LocalDate day = day(published);
      // published up to 02-08: D1; on 02-09 and 02-10: D2; from 02-11 on: D3
      LocalDate runDate = !day.isAfter(D1) ? D1 : !day.isAfter(D3) ? D2 : D3;
      byDate.computeIfAbsent(runDate, d -> new ArrayList<>()).add(n);
      String id = a.getAs("article_id");
      if (reprinted == null
          && runDate.equals(D1)
          && sourceOf.containsKey(id)
          && "en".equals(a.getAs("language"))) {
        reprinted = id;
        ObjectNode copy = n.deepCopy();
        copy.put("id", "synthetic-reprint");
        copy.put("source", "Harbour Reprint");
        copy.put("url", "https://harbour-reprint.example/reprint");
        copy.put("published", "2025-02-11T08:00:00Z");
        byDate.computeIfAbsent(D3, d -> new ArrayList<>()).add(copy);
      }
    }
    byDate.get(D2).add(synthetic(json, "Quiet Gazette", null, SUMMIT_A));
    byDate.get(D2).add(synthetic(json, "Zero Hour Daily", "1970-01-01T00:00:00Z", SUMMIT_B));
    byDate.get(D3).add(synthetic(json, "Tomorrow Post", "2031-03-01T00:00:00Z", SUMMIT_C));
    warehouse = tmp.resolve("warehouse");
    for (Map.Entry<LocalDate, List<ObjectNode>> e : byDate.entrySet()) {
      Path file = tmp.resolve("input-" + e.getKey()).resolve("coverage.jsonl");
      Files.createDirectories(file.getParent());
      List<String> lines = new ArrayList<>();
      for (ObjectNode n : e.getValue()) {
        lines.add(json.writeValueAsString(n));
      }
      Files.write(file, lines, StandardCharsets.UTF_8);
    }
    first = stage("run", D1);
    // the middle date's own comparison is not needed here: its sentences are
    stage("ingest", D2);
    stage("annotate", D2);
    last = stage("run", D3);
  }

  static CliRun.Outcome stage(String command, LocalDate date, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(command, "--warehouse", warehouse.toString(), "--run-date", date.toString()));
    if (command.equals("run") || command.equals("compare")) {
      args.addAll(List.of("--window-days", "3"));
    }
    if (!command.equals("compare")) {
      args.addAll(List.of("--input", tmp.resolve("input-" + date).toString()));
    }
    args.addAll(SampleWarehouse.SETTINGS);
    args.addAll(List.of(more));
    CliRun.Outcome o = CliRun.execute(args.toArray(String[]::new));
    assertEquals(0, o.code(), o.err());
    return o;
  }

  static LocalDate day(Timestamp t) {
    return t.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
  }

  static ObjectNode synthetic(ObjectMapper json, String source, String published, String text) {
    ObjectNode n = json.createObjectNode();
    n.put("id", "synthetic-" + source.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
    n.put("source", source);
    n.put(
        "url",
        "https://" + source.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".example/a");
    n.put("title", "Synthetic: " + source);
    if (published != null) {
      n.put("published", published);
    }
    n.put("language", "en");
    n.put("synthetic", true);
    n.put("story", STORY);
    n.put("text", text);
    return n;
  }

  static final String SUMMIT_A =
      "Synthetic test article. Prime Minister Ishiba met President Trump at the White House and"
          + " the two leaders spoke about tariffs, investment and the alliance. Officials in Tokyo"
          + " said the meeting went well, though questions about steel remain open. Analysts"
          + " expect more talks on trade before the summer.";
  static final String SUMMIT_B =
      "Synthetic test article with a broken date. The Japanese leader travelled to Washington for"
          + " a first summit with the American president. Security in the Pacific and the defence"
          + " budget were on the agenda, according to a government spokesman. Critics at home"
          + " called the visit cautious.";
  static final String SUMMIT_C =
      "Synthetic test article dated in the future. Markets reacted calmly to the summit between"
          + " Japan and the United States. Exporters hoped the talks would keep new tariffs away,"
          + " and carmakers welcomed the promise of more investment in American plants. Few"
          + " details were agreed in writing.";

  static Dataset<Row> table(String name, LocalDate date) {
    return TestSpark.get()
        .read()
        .parquet(warehouse.resolve(name).resolve("run_date=" + date).toString());
  }

  /** The sample's analysed articles of the story: what the 3-day window counts. */
  static Set<String> sampleArticles() {
    return new HashSet<>(sourceOf.keySet());
  }

  @Test
  void theWindowCountsEveryArticleOfItsThreeDatesOnceAndTheReprintNotAtAll() {
    Dataset<Row> summary = table("source_summary", D3);
    long articles = summary.agg(functions.sum("articles")).first().getLong(0);
    // the sample's analysed articles plus the three synthetic ones; the reprint is a copy
    assertEquals(sampleArticles().size() + 3, articles);
    assertEquals(0, summary.where("source = 'Harbour Reprint'").count());
    Map<String, Long> bySource = new TreeMap<>();
    for (String id : sampleArticles()) {
      bySource.merge(sourceOf.get(id), 1L, Long::sum);
    }
    for (Row r : summary.collectAsList()) {
      String source = r.getAs("source");
      long expected =
          bySource.getOrDefault(source, 0L)
              + (List.of("Quiet Gazette", "Zero Hour Daily", "Tomorrow Post").contains(source)
                  ? 1
                  : 0);
      assertEquals(expected, (long) r.<Long>getAs("articles"), source);
    }
    assertEquals(1L, summary.agg(functions.sum("undated_articles")).first().getLong(0));
    assertEquals(2L, summary.agg(functions.sum("out_of_range_articles")).first().getLong(0));
    assertTrue(last.out().contains(" window_copies=1 "), last.out());
    assertTrue(
        last.out().contains(" window=2025-02-08..2025-02-10 window_dates=3 missing_dates=0"));
    assertTrue(last.err().contains("2 article(s) dated far from the window"), last.err());
    assertTrue(last.err().contains("[1970-01-01, 2031-03-01]"), last.err());
    assertTrue(last.err().contains("1 article(s) without published_at"), last.err());
  }

  @Test
  void everyCompareTableRecordsItsWindow() {
    for (String t :
        List.of(
            "theme_frequency",
            "stance_by_source",
            "stance_difference",
            "distinctive_terms",
            "source_summary",
            "quoted_speakers",
            "timeline")) {
      Dataset<Row> rows = table(t, D3);
      assertTrue(rows.count() > 0, t);
      assertEquals(
          rows.count(),
          rows.where("window_start = DATE '2025-02-08' AND window_end = DATE '2025-02-10'").count(),
          t);
    }
  }

  @Test
  void theTimelineSumsToTheArticlesByDayAndSource() {
    Dataset<Row> all = table("timeline", D3).where("theme = '_all'");
    Map<String, Long> expected = new TreeMap<>();
    Map<LocalDate, Long> perDay = new TreeMap<>();
    for (String id : sampleArticles()) {
      expected.merge(sourceOf.get(id) + " " + dayOf.get(id), 1L, Long::sum);
      perDay.merge(dayOf.get(id), 1L, Long::sum);
    }
    // the undated, the 1970 and the 2031 article are not drawn; the reprint is not counted
    Map<String, Long> actual = new TreeMap<>();
    for (Row r : all.collectAsList()) {
      actual.put(r.getAs("source") + " " + r.getDate(r.fieldIndex("day")), r.getAs("articles"));
      LocalDate day = r.getDate(r.fieldIndex("day")).toLocalDate();
      assertEquals(perDay.get(day), r.<Long>getAs("story_articles"), day.toString());
      assertEquals(
          (double) r.<Long>getAs("articles") / perDay.get(day), r.<Double>getAs("share"), 1e-12);
    }
    assertEquals(expected, actual);
    long sum = all.agg(functions.sum("articles")).first().getLong(0);
    long summaryArticles =
        table("source_summary", D3).agg(functions.sum("articles")).first().getLong(0);
    assertEquals(summaryArticles - 3, sum, "the timeline sums to the counted articles");
    // a theme row counts no more articles than the source's _all row of that day
    assertEquals(
        0,
        table("timeline", D3)
            .alias("t")
            .join(
                all.alias("a"),
                functions
                    .col("t.source")
                    .equalTo(functions.col("a.source"))
                    .and(functions.col("t.day").equalTo(functions.col("a.day"))))
            .where("t.articles > a.articles OR t.sentences > a.sentences")
            .count());
  }

  /**
   * The same sum from the three run dates' articles tables as an analyst reads them in DuckDB: the
   * articles each date annotated (no duplicate_of, no near_duplicate_of, a language with a
   * profile), one per text across the dates, with a publication date in 2025.
   */
  @Test
  void theTimelineSumsToTheArticlesTablesOfTheWindow() throws java.sql.SQLException {
    String articles =
        "read_parquet('"
            + warehouse.resolve("articles")
            + "/*/*.parquet', hive_partitioning = true)";
    String timeline =
        "read_parquet('"
            + warehouse.resolve("timeline")
            + "/*/*.parquet', hive_partitioning = true)";
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = c.createStatement()) {
      long fromArticles =
          CliEndToEndTest.scalarLong(
              st,
              "SELECT count(DISTINCT content_sha256) FROM "
                  + articles
                  + " WHERE run_date BETWEEN DATE '2025-02-08' AND DATE '2025-02-10'"
                  + " AND duplicate_of IS NULL AND near_duplicate_of IS NULL"
                  + " AND language IN ('en', 'ja', 'zh', 'ko')"
                  + " AND year(published_at AT TIME ZONE 'UTC') = 2025");
      long drawn =
          CliEndToEndTest.scalarLong(
              st,
              "SELECT sum(articles) FROM "
                  + timeline
                  + " WHERE run_date = DATE '2025-02-10' AND theme = '_all'");
      assertEquals(fromArticles, drawn);
      assertEquals(sampleArticles().size(), drawn);
    }
  }

  @Test
  void theFirstDatesWindowListsTheDatesNeverRun() {
    assertTrue(
        first.out().contains(" window=2025-02-06..2025-02-08 window_dates=1 missing_dates=2"));
    assertTrue(
        first.err().contains("reaches 2 run date(s) without sentences")
            && first.err().contains("[2025-02-06, 2025-02-07]"),
        first.err());
    assertEquals(
        0,
        table("timeline", D1)
            .where("window_start <> DATE '2025-02-06' OR window_end <> DATE '2025-02-08'")
            .count());
  }

  @Test
  void aRerunOfADateInsideTheWindowGivesTheSameTables() {
    List<String> before = CompareFixtures.canonical(table("stance_by_source", D3));
    List<String> timeline = CompareFixtures.canonical(table("timeline", D3));
    stage("ingest", D2);
    stage("annotate", D2);
    stage("compare", D3);
    assertEquals(before, CompareFixtures.canonical(table("stance_by_source", D3)));
    assertEquals(timeline, CompareFixtures.canonical(table("timeline", D3)));
    assertFalse(before.isEmpty());
  }
}
