package dev.parallax.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.config.ConfigException;
import dev.parallax.config.ConfigLoader;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.warehouse.MissingTableException;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole stage against a temporary warehouse: publish, counts, contract, determinism. */
class CompareJobTest {
  static final String DATE = CompareFixtures.RUN_DATE;

  @TempDir static Path tmp;
  static Warehouse warehouse;
  static ParallaxConfig config;
  static CompareJob.Result first;

  static final Map<Table, List<String>> CONTRACT =
      Map.of(
          Table.THEME_FREQUENCY,
              List.of(
                  "story",
                  "source",
                  "theme",
                  "articles",
                  "sentences",
                  "mentions",
                  "source_tokens",
                  "rate_per_1k_tokens",
                  "sentence_share",
                  "article_share",
                  "rank_in_source",
                  "lift_vs_all",
                  "z_vs_rest",
                  "theme_label",
                  "frame"),
          Table.STANCE_BY_SOURCE,
              List.of(
                  "story",
                  "source",
                  "theme",
                  "sentences",
                  "articles",
                  "tone_mean",
                  "tone_ci_low",
                  "tone_ci_high",
                  "resampling",
                  "positive_share",
                  "negative_share",
                  "hedge_rate_per_1k",
                  "booster_rate_per_1k",
                  "attitude_rate_per_1k",
                  "self_mention_rate_per_1k",
                  "small_sample"),
          Table.STANCE_DIFFERENCE,
              List.of(
                  "story",
                  "theme",
                  "source_a",
                  "source_b",
                  "sentences_a",
                  "sentences_b",
                  "articles_a",
                  "articles_b",
                  "tone_mean_a",
                  "tone_mean_b",
                  "tone_diff",
                  "ci_low",
                  "ci_high",
                  "p_value",
                  "q_value",
                  "effect_size",
                  "cliffs_delta",
                  "resampling",
                  "small_sample",
                  "significant"),
          Table.DISTINCTIVE_TERMS,
              List.of(
                  "story",
                  "source",
                  "term",
                  "count_source",
                  "count_rest",
                  "log_odds",
                  "z_score",
                  "rank"),
          Table.SOURCE_SUMMARY,
              List.of(
                  "story",
                  "source",
                  "articles",
                  "sentences",
                  "tokens",
                  "first_published",
                  "last_published",
                  "tone_mean",
                  "top_themes"));

  static CompareJob.Result setUp(Path root) {
    CompareFixtures.JobRun run = CompareFixtures.runCompare(root);
    config = run.config();
    warehouse = run.warehouse();
    return run.result();
  }

  @BeforeAll
  static void runOnce() {
    first = setUp(tmp.resolve("warehouse"));
  }

  static Dataset<Row> read(Table t) {
    return warehouse.read(t, LocalDate.parse(DATE));
  }

  @Test
  void publishesEveryTableWithTheCountsItReports() {
    assertEquals(22, first.sentences()); // 16 in s1, 6 in s2
    assertEquals(first.themeFrequency(), read(Table.THEME_FREQUENCY).count());
    assertEquals(first.stanceBySource(), read(Table.STANCE_BY_SOURCE).count());
    assertEquals(first.stanceDifference(), read(Table.STANCE_DIFFERENCE).count());
    assertEquals(first.distinctiveTerms(), read(Table.DISTINCTIVE_TERMS).count());
    assertEquals(first.sourceSummary(), read(Table.SOURCE_SUMMARY).count());
    // s1: {A, B} x {t1, frame_economic}; s2: {C, odd} x {t2}
    assertEquals(6, first.themeFrequency());
    // s1: A {_all, t1, frame_economic}, B {_all, t1}; s2: 2 x {_all, t2}
    assertEquals(9, first.stanceBySource());
    // s1: (A,B) on _all and t1; s2: one pair on _all and t2
    assertEquals(4, first.stanceDifference());
    assertEquals(4, first.sourceSummary());
  }

  @Test
  void keepsThePublicColumnsWithStandardTypes() {
    Set<DataType> standard =
        Set.of(
            DataTypes.StringType,
            DataTypes.LongType,
            DataTypes.DoubleType,
            DataTypes.BooleanType,
            DataTypes.DateType,
            DataTypes.TimestampType,
            DataTypes.createArrayType(DataTypes.StringType, true),
            DataTypes.createArrayType(DataTypes.StringType, false));
    for (Map.Entry<Table, List<String>> e : CONTRACT.entrySet()) {
      List<String> have = List.of(read(e.getKey()).columns());
      assertTrue(have.containsAll(e.getValue()), e.getKey() + " has " + have);
      for (StructField f : read(e.getKey()).schema().fields()) {
        assertTrue(
            standard.contains(f.dataType()), e.getKey() + "." + f.name() + " " + f.dataType());
      }
    }
  }

  @Test
  void warmAndColdSourcesDifferSignificantly() {
    Row r =
        read(Table.STANCE_DIFFERENCE)
            .where("story = 's1' AND theme = '_all'")
            .collectAsList()
            .get(0);
    assertEquals("A", r.getAs("source_a"));
    // A has 4 articles, B 2: below the default of 5, sentences are resampled (with 6 articles
    // a permutation p-value could not go below 1/15)
    assertEquals("sentence", r.getAs("resampling"));
    assertTrue(r.<Double>getAs("tone_diff") > 1.2);
    assertTrue(r.<Boolean>getAs("significant"), r.toString());
    Row labelled =
        read(Table.THEME_FREQUENCY).where("theme = 't1' AND source = 'A'").collectAsList().get(0);
    assertEquals("Theme one", labelled.getAs("theme_label"));
  }

  @Test
  void rerunGivesIdenticalTables() {
    CompareJob.Result again =
        CompareJob.run(
            TestSpark.get(),
            config,
            warehouse,
            "run-2",
            List.of(new ThemeLabel("t1", "Theme one", "economic")));
    assertEquals(first, again);
    Path other = tmp.resolve("warehouse-2");
    Warehouse before = warehouse;
    Map<Table, List<String>> tables = new HashMap<>();
    for (Table t : CONTRACT.keySet()) {
      tables.put(t, CompareFixtures.canonical(read(t)));
    }
    setUp(other);
    for (Table t : CONTRACT.keySet()) {
      assertEquals(tables.get(t), CompareFixtures.canonical(read(t)), t.folder());
    }
    warehouse = before;
  }

  @Test
  void checksSettingsAndInputBeforeWork() {
    Map<String, String> bad =
        new HashMap<>(
            Map.of(
                "warehouse",
                tmp.resolve("warehouse").toString(),
                "run_date",
                DATE,
                "compare.bootstrap_reps",
                "0"));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                CompareJob.run(
                    TestSpark.get(), ConfigLoader.load(null, bad), warehouse, "run-x", List.of()));
    assertTrue(e.getMessage().contains("compare.bootstrap_reps"), e.getMessage());
    ParallaxConfig otherDay =
        ConfigLoader.load(
            null,
            Map.of("warehouse", tmp.resolve("warehouse").toString(), "run_date", "2024-01-01"));
    assertThrows(
        MissingTableException.class,
        () -> CompareJob.run(TestSpark.get(), otherDay, warehouse, "run-y", List.of()));
  }

  @Test
  @SuppressWarnings("FutureReturnValueIgnored") // the failing tables' errors reach awaitAll, tested
  void aFailingTableFailsTheStageWithItsOwnErrorAfterTheOthersFinish() throws Exception {
    CompareJob.Tables tables =
        new CompareJob.Tables(
            TestSpark.get(),
            new CompareWindow.Dates(
                java.time.LocalDate.of(2025, 2, 10),
                java.time.LocalDate.of(2025, 2, 10),
                List.of(java.time.LocalDate.of(2025, 2, 10)),
                List.of()));
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    IllegalStateException boom = new IllegalStateException("table two failed");
    tables.submit(
        () -> {
          throw boom;
        });
    java.util.concurrent.Future<Long> slow =
        tables.submit(
            () -> {
              release.await();
              return 7L;
            });
    IllegalArgumentException later = new IllegalArgumentException("table four failed");
    tables.submit(
        () -> {
          throw later;
        });
    java.util.concurrent.Future<Long> quick = tables.submit(() -> 3L);
    Thread opener =
        new Thread(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              release.countDown();
            });
    opener.start();
    IllegalStateException thrown = assertThrows(IllegalStateException.class, tables::awaitAll);
    assertTrue(thrown == boom, "the table's own exception, not a wrapper: " + thrown);
    assertTrue(slow.isDone(), "awaitAll returns only after every table finished");
    assertEquals(List.of(later), List.of(thrown.getSuppressed()));
    assertThrows(IllegalStateException.class, tables::awaitAll);
    assertEquals(1, boom.getSuppressed().length, "a second wait adds nothing");
    assertEquals(7L, tables.get(slow));
    assertEquals(3L, tables.get(quick));
    tables.awaitAllQuietly();
    opener.join();
  }

  @Test
  void bothStoriesOfTheCorpusHaveTwoSourcesAndAreCompared() {
    assertEquals(2, first.storiesCompared());
    assertEquals(0, first.storiesSkipped());
    assertTrue(
        first.detail().contains(" stories_compared=2 stories_skipped=0 window="), first.detail());
  }

  @Test
  void comparedStoriesNeedMinSourcesAndAreNotTheUnassignedArticles() {
    Map<String, Long> sources = new java.util.TreeMap<>();
    sources.put("one-source", 1L);
    sources.put("two-sources", 2L);
    sources.put("unassigned", 5L);
    assertEquals(List.of("two-sources"), CompareJob.comparedStories(sources, 2));
    assertEquals(List.of("one-source", "two-sources"), CompareJob.comparedStories(sources, 1));
    assertEquals(List.of(), CompareJob.comparedStories(sources, 3));
  }

  @Test
  void aSingleSourceStoryAndTheUnassignedArticlesAreSkippedAndTheTablesUnchanged() {
    Path root = tmp.resolve("with-skipped");
    Map<String, String> flags = new HashMap<>();
    flags.put("warehouse", root.toString());
    flags.put("run_date", DATE);
    flags.put("compare.bootstrap_reps", "200");
    flags.put("compare.permutations", "199");
    flags.put("compare.min_term_count", "2");
    flags.put("compare.prior_scale", "50");
    ParallaxConfig c = ConfigLoader.load(null, flags);
    Warehouse wh = new Warehouse(TestSpark.get(), root.toString(), 1_000_000);
    List<CompareFixtures.S> sentences = new java.util.ArrayList<>(CompareFixtures.corpus());
    for (int i = 0; i < 4; i++) {
      sentences.add(
          CompareFixtures.s("lonely", "Solo", "l" + i)
              .tone(0.2)
              .tokens("solo", "story")
              .themes("t1"));
      sentences.add(
          CompareFixtures.s("unassigned", i % 2 == 0 ? "P" : "Q", "u" + i)
              .tone(-0.2)
              .tokens("stray", "item")
              .themes("t1"));
    }
    CompareFixtures.publishSentences(wh, LocalDate.parse(DATE), CompareFixtures.frame(sentences));
    CompareJob.Result r = CompareJob.run(TestSpark.get(), c, wh, "run-s", List.of());
    assertEquals(2, r.storiesCompared());
    assertEquals(2, r.storiesSkipped());
    for (Table t :
        List.of(
            Table.THEME_FREQUENCY,
            Table.STANCE_BY_SOURCE,
            Table.STANCE_DIFFERENCE,
            Table.DISTINCTIVE_TERMS,
            Table.SOURCE_SUMMARY)) {
      Dataset<Row> rows = wh.read(t, LocalDate.parse(DATE));
      assertEquals(
          0,
          rows.filter(rows.col("story").isin("lonely", "unassigned")).count(),
          t + " holds a skipped story");
    }
    // The compared stories' rows are what the run without the skipped stories wrote.
    assertEquals(first.stanceDifference(), r.stanceDifference());
    assertEquals(first.sourceSummary(), r.sourceSummary());
    assertEquals(
        CompareFixtures.canonical(read(Table.STANCE_DIFFERENCE).drop("run_date")),
        CompareFixtures.canonical(
            wh.read(Table.STANCE_DIFFERENCE, LocalDate.parse(DATE)).drop("run_date")));
  }
}
