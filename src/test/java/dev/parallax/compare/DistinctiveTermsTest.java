package dev.parallax.compare;

import static dev.parallax.compare.CompareFixtures.one;
import static dev.parallax.compare.CompareFixtures.s;
import static dev.parallax.warehouse.ContractAssertions.assertColumns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.warehouse.schema.DistinctiveTermsColumns;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

/**
 * A two-source toy corpus, counted by hand.
 *
 * <pre>
 * A: "The tariff war is costly"  kept: tariff war costly  bigrams: "tariff war"
 *    "tariff war 2025 !"         kept: tariff war         bigrams: "tariff war"
 * B: "The alliance is strong"    kept: alliance strong    bigrams: none (is between)
 *    "alliance strong tariff"    kept: all three          bigrams: "alliance strong", "strong tariff"
 *
 * A: tariff 2, war 2, costly 1, "tariff war" 2                        = 7 terms
 * B: alliance 2, strong 2, tariff 1, "alliance strong" 1, "strong tariff" 1 = 7 terms
 * story: tariff 3, war 2, "tariff war" 2, alliance 2, strong 2, costly 1, two bigrams 1 = 14
 * </pre>
 *
 * With min_term_count 2 the ranked terms are tariff, war, "tariff war" (A) and alliance, strong,
 * tariff (B).
 */
class DistinctiveTermsTest {
  static final double A0 = 10;
  static final String[] KEY = {"story", "source", "term"};

  static final List<CompareFixtures.S> SENTENCES =
      List.of(
          s("s1", "A", "a1").tokens("The", "tariff", "war", "is", "costly"),
          s("s1", "A", "a1").tokens("tariff", "war", "2025", "!"),
          s("s1", "B", "b1").tokens("The", "alliance", "is", "strong"),
          s("s1", "B", "b2").tokens("alliance", "strong", "tariff"),
          s("s2", "Solo", "x1").tokens("only", "source", "only", "source", "only"));

  static List<Row> rows(int top) {
    return DistinctiveTerms.compute(
            CompareFixtures.frame(SENTENCES),
            new CompareParams(1, 1, 1, 50, 0.95, 1, 1, top, A0, 2))
        .collectAsList();
  }

  /** Fightin' Words by hand: group count y of n against rest count yr of nr, story c of N. */
  static double z(double y, double n, double yr, double nr, double c, double total) {
    double aw = A0 * c / total;
    double delta =
        Math.log((y + aw) / (n + A0 - y - aw)) - Math.log((yr + aw) / (nr + A0 - yr - aw));
    return delta / Math.sqrt(1 / (y + aw) + 1 / (yr + aw));
  }

  @Test
  void outputHasTheColumnsOfTheContract() {
    assertColumns(
        DistinctiveTermsColumns.SCHEMA,
        DistinctiveTerms.compute(
                CompareFixtures.frame(SENTENCES),
                new CompareParams(1, 1, 1, 50, 0.95, 1, 1, 30, A0, 2))
            .schema());
  }

  @Test
  void countsAndZByHand() {
    List<Row> rows = rows(30);
    assertEquals(6, rows.size(), rows.toString());
    Row war = one(rows, KEY, "s1", "A", "war");
    assertEquals(2L, (long) war.getAs("count_source"));
    assertEquals(0L, (long) war.getAs("count_rest"));
    assertEquals(7L, (long) war.getAs("source_terms"));
    assertEquals(7L, (long) war.getAs("rest_terms"));
    assertEquals(z(2, 7, 0, 7, 2, 14), war.<Double>getAs("z_score"), 1e-12);
    Row tariffA = one(rows, KEY, "s1", "A", "tariff");
    assertEquals(z(2, 7, 1, 7, 3, 14), tariffA.<Double>getAs("z_score"), 1e-12);
    Row tariffB = one(rows, KEY, "s1", "B", "tariff");
    assertEquals(z(1, 7, 2, 7, 3, 14), tariffB.<Double>getAs("z_score"), 1e-12);
    double aw = A0 * 3 / 14;
    assertEquals(
        Math.log((1 + aw) / (7 + A0 - 1 - aw)) - Math.log((2 + aw) / (7 + A0 - 2 - aw)),
        tariffB.<Double>getAs("log_odds"),
        1e-12);
    Row bigram = one(rows, KEY, "s1", "A", "tariff war");
    assertEquals(2L, (long) bigram.getAs("ngram"));
    assertEquals(1L, (long) war.getAs("ngram"));
  }

  @Test
  void stopWordsNonLettersAndNonAdjacentPairsAreNotTerms() {
    List<String> terms =
        rows(30).stream().map(r -> r.<String>getAs("term")).collect(Collectors.toList());
    for (String bad : List.of("the", "The", "is", "2025", "!", "war costly", "costly")) {
      assertTrue(!terms.contains(bad), bad);
    }
  }

  @Test
  void rankByZThenTermAndTopN() {
    List<Row> rows = rows(2);
    // A: "tariff war" and "war" have equal counts, hence equal z: ranked by term
    assertEquals(1L, (long) one(rows, KEY, "s1", "A", "tariff war").getAs("rank"));
    assertEquals(2L, (long) one(rows, KEY, "s1", "A", "war").getAs("rank"));
    assertEquals(1L, (long) one(rows, KEY, "s1", "B", "alliance").getAs("rank"));
    assertEquals(2L, (long) one(rows, KEY, "s1", "B", "strong").getAs("rank"));
    assertEquals(4, rows.size());
    // single-source story: no rest, no rows
    assertTrue(rows.stream().noneMatch(r -> "s2".equals(r.getAs("story"))));
  }

  @Test
  void deterministicWhateverTheInputOrder() {
    CompareParams p = new CompareParams(1, 1, 1, 50, 0.95, 1, 1, 30, A0, 2);
    assertEquals(
        CompareFixtures.canonical(DistinctiveTerms.compute(CompareFixtures.frame(SENTENCES), p)),
        CompareFixtures.canonical(
            DistinctiveTerms.compute(CompareFixtures.shuffled(SENTENCES), p)));
  }

  /**
   * A task that hands its counts on after every 2 distinct keys gives the same counts: the partial
   * counts of one key from several hand-overs are summed.
   */
  @Test
  void countsHandedOnInSmallBatchesSumToTheSameCounts() {
    List<String> all =
        DistinctiveTerms.counts(
                CompareFixtures.frame(SENTENCES), DistinctiveTerms.MAX_PARTIAL_COUNTS)
            .collectAsList()
            .stream()
            .map(Row::toString)
            .sorted()
            .collect(Collectors.toList());
    List<String> batched =
        DistinctiveTerms.counts(CompareFixtures.frame(SENTENCES).coalesce(1), 2)
            .collectAsList()
            .stream()
            .map(Row::toString)
            .sorted()
            .collect(Collectors.toList());
    assertEquals(all, batched);
    // A by hand (class comment): tariff 2, war 2, costly 1, "tariff war" 2
    // (language null: the fixture's sentences name none)
    assertTrue(all.contains("[s1,A,null,tariff war,2]"), all.toString());
    assertTrue(all.contains("[s1,A,null,costly,1]"), all.toString());
    // 4 distinct terms of A, 5 of B, and "source" of Solo ("only" is a stop word)
    assertEquals(10, all.size(), all.toString());
  }

  @Test
  void termsOfOneSentence() {
    java.util.Set<String> stop = java.util.Set.of("the", "is", "of");
    assertEquals(
        List.of("Tariff", "war", "costly", "Tariff war"),
        DistinctiveTerms.terms(List.of("THE", "Tariff", "war", "is", "costly", "2025", "!"), stop));
    assertEquals(
        List.of("Ünïcode", "東京", "x2", "Ünïcode 東京", "東京 x2"),
        DistinctiveTerms.terms(List.of("Ünïcode", "東京", "x2", "—"), stop));
    assertEquals(List.of(), DistinctiveTerms.terms(List.of(), stop));
  }

  /**
   * The counts equal those of the Spark-expression formulation they replaced (tokens exploded into
   * rows, stop words by isin on lower(), letters by rlike, bigrams by zip_with), on 3,000 random
   * sentences over stop words in three casings, numbers, punctuation, dashes, non-Latin letters and
   * ordinary words, in 3 stories and 7 sources, the sentences of a source in up to three languages
   * (one of them null).
   */
  @Test
  void countsEqualTheSparkExpressionFormulation() {
    String[] vocab = {
      "the",
      "The",
      "THE",
      "of",
      "Mr",
      "mr",
      "s",
      "tariff",
      "Tariff",
      "war",
      "2025",
      "!",
      "—",
      "U.S.",
      "Ishiba",
      "東京",
      "ça",
      "x2",
      "3.5%",
      "alliance",
      "is",
      "Only",
      "deal"
    };
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    List<CompareFixtures.S> sentences = new java.util.ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String[] tokens = new String[random.nextInt(12)];
      for (int t = 0; t < tokens.length; t++) {
        tokens[t] = vocab[random.nextInt(vocab.length)];
      }
      sentences.add(
          s("s" + random.nextInt(3), "src" + random.nextInt(7), "a" + i)
              .tokens(tokens)
              .language(LANGUAGES[random.nextInt(LANGUAGES.length)]));
    }
    org.apache.spark.sql.Dataset<Row> frame = CompareFixtures.frame(sentences).repartition(3);
    List<String> expected =
        bySparkExpressions(frame).collectAsList().stream()
            .map(Row::toString)
            .sorted()
            .collect(Collectors.toList());
    List<String> actual =
        DistinctiveTerms.counts(frame, 50).collectAsList().stream()
            .map(Row::toString)
            .sorted()
            .collect(Collectors.toList());
    assertTrue(expected.size() > 300, "too few distinct terms to compare: " + expected.size());
    assertEquals(expected, actual);
  }

  /** Languages of the random sentences and counts: null is a language of its own. */
  private static final String[] LANGUAGES = {"en", "ja", null};

  /**
   * Scoring equals the window formulation it replaced (source and story totals as windows over
   * every count, within a story's language), on random counts in 4 stories, one of them with a
   * single source, the terms of a source in up to three languages (one of them null).
   */
  @Test
  void scoreEqualsTheWindowFormulation() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    List<Row> rows = new java.util.ArrayList<>();
    for (int story = 0; story < 4; story++) {
      int sources = story == 3 ? 1 : 2 + random.nextInt(5);
      for (int source = 0; source < sources; source++) {
        for (int term = 0; term < 120; term++) {
          if (random.nextInt(3) > 0) {
            rows.add(
                org.apache.spark.sql.RowFactory.create(
                    "s" + story,
                    "src" + source,
                    LANGUAGES[random.nextInt(LANGUAGES.length)],
                    "t" + term + (random.nextInt(4) == 0 ? " pair" : ""),
                    1L + random.nextInt(9)));
          }
        }
      }
    }
    org.apache.spark.sql.Dataset<Row> counts =
        dev.parallax.TestSpark.get()
            .createDataFrame(rows, DistinctiveTerms.COUNTS)
            .groupBy("story", "source", "language", "term")
            .agg(functions.sum("count_source").as("count_source"))
            .repartition(5);
    CompareParams p = new CompareParams(1, 1, 1, 50, 0.95, 1, 1, 15, 250, 4);
    List<String> expected = CompareFixtures.canonical(byWindows(counts, p));
    List<String> actual = CompareFixtures.canonical(DistinctiveTerms.score(counts, p));
    assertTrue(expected.size() > 100, "rows: " + expected.size());
    assertEquals(expected, actual);
  }

  private static org.apache.spark.sql.Dataset<Row> byWindows(
      org.apache.spark.sql.Dataset<Row> counts, CompareParams params) {
    org.apache.spark.sql.Column c = functions.col("count_source");
    org.apache.spark.sql.Dataset<Row> scored =
        counts
            .withColumn(
                "source_terms",
                functions
                    .sum(c)
                    .over(
                        org.apache.spark.sql.expressions.Window.partitionBy(
                            "story", "source", "language")))
            .withColumn(
                "count_story",
                functions
                    .sum(c)
                    .over(
                        org.apache.spark.sql.expressions.Window.partitionBy(
                            "story", "language", "term")))
            .withColumn(
                "story_terms",
                functions
                    .sum(c)
                    .over(org.apache.spark.sql.expressions.Window.partitionBy("story", "language")))
            .where(
                functions
                    .col("count_story")
                    .geq(params.minTermCount())
                    .and(functions.col("story_terms").gt(functions.col("source_terms"))))
            .withColumn("count_rest", functions.col("count_story").minus(c))
            .withColumn(
                "rest_terms", functions.col("story_terms").minus(functions.col("source_terms")))
            .withColumn(
                "prior_alpha",
                functions
                    .col("count_story")
                    .cast("double")
                    .multiply(params.priorScale())
                    .divide(functions.col("story_terms").cast("double")))
            .withColumn(
                "log_odds",
                LogOdds.delta(
                    c,
                    functions.col("source_terms"),
                    functions.col("count_story"),
                    functions.col("story_terms"),
                    params.priorScale()))
            .withColumn(
                "z_score",
                LogOdds.z(
                    c,
                    functions.col("source_terms"),
                    functions.col("count_story"),
                    functions.col("story_terms"),
                    params.priorScale()))
            .withColumn(
                "rank",
                functions
                    .row_number()
                    .over(
                        org.apache.spark.sql.expressions.Window.partitionBy(
                                "story", "source", "language")
                            .orderBy(
                                functions.col("z_score").desc_nulls_last(),
                                functions.col("term").asc())))
            .where(functions.col("rank").leq(params.topTerms()));
    return scored.select(
        functions.col("story"),
        functions.col("source"),
        functions.col("language"),
        functions.col("term"),
        functions
            .when(functions.col("term").contains(" "), 2)
            .otherwise(1)
            .cast("long")
            .as("ngram"),
        c,
        functions.col("count_rest"),
        functions.col("count_story"),
        functions.col("source_terms"),
        functions.col("rest_terms"),
        functions.col("prior_alpha"),
        functions.col("log_odds"),
        functions.col("z_score"),
        functions.col("rank").cast("long").as("rank"));
  }

  /** The counter's table against a HashMap: keys 0, negative, colliding; growth past 4,096. */
  @Test
  void longCountsAgreeWithAHashMap() {
    LongCounts counts = new LongCounts();
    java.util.Map<Long, Long> expected = new java.util.HashMap<>();
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      long key =
          switch (random.nextInt(4)) {
            case 0 -> random.nextInt(50); // small keys, 0 among them, often repeated
            case 1 -> -random.nextInt(1_000);
            case 2 -> (long) random.nextInt(5_000) << 44; // differ in the high bits only
            default -> random.nextLong();
          };
      counts.increment(key);
      expected.merge(key, 1L, Long::sum);
    }
    assertEquals(expected.size(), counts.size());
    java.util.Map<Long, Long> seen = new java.util.HashMap<>();
    counts.forEach(seen::put);
    assertEquals(expected, seen);
    assertEquals(expected.get(0L), counts.get(0L));
    assertEquals(0L, counts.get(12_345_678_901L));
    counts.clear();
    assertEquals(0, counts.size());
    assertEquals(0L, counts.get(0L));
  }

  private static org.apache.spark.sql.Dataset<Row> bySparkExpressions(
      org.apache.spark.sql.Dataset<Row> sentences) {
    Object[] stop = DistinctiveTerms.stopWords();
    org.apache.spark.sql.Column kept =
        functions.transform(
            functions.coalesce(functions.col("tokens"), Columns.emptyStrings()),
            t ->
                functions.when(
                    functions.lower(t).isin(stop).unary_$bang().and(t.rlike("\\p{L}")), t));
    org.apache.spark.sql.Column pairs =
        functions.greatest(functions.size(functions.col("kept")).minus(1), functions.lit(0));
    org.apache.spark.sql.Column bigrams =
        functions.zip_with(
            functions.slice(functions.col("kept"), functions.lit(1), pairs),
            functions.slice(functions.col("kept"), functions.lit(2), pairs),
            (x, y) -> functions.concat(x, functions.lit(" "), y));
    org.apache.spark.sql.Column terms =
        functions.filter(functions.concat(functions.col("kept"), bigrams), t -> t.isNotNull());
    return sentences
        .select(
            functions.col("story"),
            functions.col("source"),
            functions.col("language"),
            kept.as("kept"))
        .select(
            functions.col("story"),
            functions.col("source"),
            functions.col("language"),
            functions.explode(terms).as("term"))
        .groupBy("story", "source", "language", "term")
        .agg(functions.count(functions.lit(1)).as("count_source"));
  }
}
