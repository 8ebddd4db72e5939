package dev.parallax.compare;

import static dev.parallax.compare.CompareFixtures.one;
import static dev.parallax.compare.CompareFixtures.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.warehouse.schema.StanceBySourceColumns;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Source A: articles a1 (tones 0.5, -0.2), a2 (0.1), a3 (0.3, 0.04); source B: article b1 (0.6,
 * -0.1). Clustering from 2 articles, small sample below 3 sentences.
 */
class StanceBySourceTest {
  static final double EPS = 1e-12;
  static final long SEED = 7;
  static final int REPS = 500;
  static final CompareParams PARAMS =
      new CompareParams(SEED, REPS, 99, 50, 0.95, 3, 2, 30, 1000, 1);
  static final String[] KEY = {"story", "source", "theme"};

  static final List<CompareFixtures.S> SENTENCES =
      List.of(
          s("s1", "A", "a1").tone(0.5).nTokens(10).themes("t1").markers(1, 0, 2, 0),
          s("s1", "A", "a1").tone(-0.2).nTokens(20).markers(0, 1, 0, 1),
          s("s1", "A", "a2").tone(0.1).nTokens(10).themes("t1").markers(1, 0, 0, 0),
          s("s1", "A", "a3").tone(0.3).nTokens(5).themes("t1", "t2"),
          s("s1", "A", "a3").tone(0.04).nTokens(5).markers(0, 0, 0, 3),
          s("s1", "B", "b1").tone(0.6).nTokens(8).themes("t1"),
          s("s1", "B", "b1").tone(-0.1).nTokens(12));

  static List<Row> rows() {
    return StanceBySource.compute(CompareFixtures.frame(SENTENCES), PARAMS).collectAsList();
  }

  @Test
  void outputSchemaIsTheContractsExactly() {
    assertEquals(
        StanceBySourceColumns.SCHEMA,
        StanceBySource.compute(CompareFixtures.frame(SENTENCES), PARAMS).schema());
  }

  @Test
  void oneRowPerSourceThemeAndAll() {
    List<Row> rows = rows();
    // A: _all, t1, t2; B: _all, t1
    assertEquals(5, rows.size());
    one(rows, KEY, "s1", "A", "t2");
    one(rows, KEY, "s1", "B", "_all");
  }

  @Test
  void allSentencesOfAByHand() throws Exception {
    Row r = one(rows(), KEY, "s1", "A", "_all");
    assertEquals(5L, (long) r.getAs("sentences"));
    assertEquals(3L, (long) r.getAs("articles"));
    assertEquals(50L, (long) r.getAs("tokens"));
    // (0.5 - 0.2 + 0.1 + 0.3 + 0.04) / 5 = 0.148
    assertEquals(0.148, r.<Double>getAs("tone_mean"), EPS);
    // positive (>= 0.05): 0.5, 0.1, 0.3; negative (<= -0.05): -0.2
    assertEquals(0.6, r.<Double>getAs("positive_share"), EPS);
    assertEquals(0.2, r.<Double>getAs("negative_share"), EPS);
    // markers per 1000 of 50 tokens: hedges 2, boosters 1, attitude 2, self 4
    assertEquals(40.0, r.<Double>getAs("hedge_rate_per_1k"), EPS);
    assertEquals(20.0, r.<Double>getAs("booster_rate_per_1k"), EPS);
    assertEquals(40.0, r.<Double>getAs("attitude_rate_per_1k"), EPS);
    assertEquals(80.0, r.<Double>getAs("self_mention_rate_per_1k"), EPS);
    assertFalse(r.<Boolean>getAs("small_sample"));
    // 3 articles >= 2: whole articles resampled, clusters in article order, tones ascending
    assertEquals("article", r.getAs("resampling"));
    double[][] clusters = {{-0.2, 0.5}, {0.1}, {0.04, 0.3}};
    double[] ci =
        Statistics.percentileInterval(
            Statistics.bootstrapMeansClustered(
                clusters, REPS, CompareFixtures.seed(SEED, "s1|A|_all")),
            0.95);
    assertArrayEquals(
        new double[] {ci[0], ci[1]},
        new double[] {r.getAs("tone_ci_low"), r.getAs("tone_ci_high")},
        0);
  }

  @Test
  void oneArticleSourceResamplesSentences() throws Exception {
    Row r = one(rows(), KEY, "s1", "B", "_all");
    assertEquals("sentence", r.getAs("resampling"));
    assertEquals(0.25, r.<Double>getAs("tone_mean"), EPS);
    assertTrue(r.<Boolean>getAs("small_sample")); // 2 < 3
    double[] ci =
        Statistics.percentileInterval(
            Statistics.bootstrapMeans(
                new double[] {-0.1, 0.6}, REPS, CompareFixtures.seed(SEED, "s1|B|_all")),
            0.95);
    assertEquals(ci[0], r.<Double>getAs("tone_ci_low"), 0);
    assertEquals(ci[1], r.<Double>getAs("tone_ci_high"), 0);
  }

  @Test
  void themeGroupByHand() throws Exception {
    Row r = one(rows(), KEY, "s1", "A", "t1");
    // t1 sentences of A: a1 0.5 (10 tokens, 1 hedge, 2 attitude), a2 0.1 (10, 1 hedge), a3 0.3 (5)
    assertEquals(3L, (long) r.getAs("sentences"));
    assertEquals(3L, (long) r.getAs("articles"));
    assertEquals(0.3, r.<Double>getAs("tone_mean"), EPS);
    assertEquals(1.0, r.<Double>getAs("positive_share"), EPS);
    assertEquals(80.0, r.<Double>getAs("hedge_rate_per_1k"), EPS); // 2 / 25 tokens
    assertEquals(80.0, r.<Double>getAs("attitude_rate_per_1k"), EPS);
    assertEquals(0.0, r.<Double>getAs("booster_rate_per_1k"), 0);
    double[] ci =
        Statistics.percentileInterval(
            Statistics.bootstrapMeansClustered(
                new double[][] {{0.5}, {0.1}, {0.3}}, REPS, CompareFixtures.seed(SEED, "s1|A|t1")),
            0.95);
    assertEquals(ci[0], r.<Double>getAs("tone_ci_low"), 0);
    assertEquals(ci[1], r.<Double>getAs("tone_ci_high"), 0);
    // a single sentence: the interval collapses onto it
    Row t2 = one(rows(), KEY, "s1", "A", "t2");
    assertEquals(0.3, t2.<Double>getAs("tone_ci_low"), 0);
    assertEquals(0.3, t2.<Double>getAs("tone_ci_high"), 0);
  }

  @Test
  void intervalsHoldTheMeanAndSharesAreProportions() {
    for (Row r : rows()) {
      double m = r.getAs("tone_mean");
      assertTrue(
          r.<Double>getAs("tone_ci_low") <= m && m <= r.<Double>getAs("tone_ci_high"),
          r.toString());
      for (String c : List.of("positive_share", "negative_share")) {
        double v = r.getAs(c);
        assertTrue(v >= 0 && v <= 1, c);
      }
      assertTrue(r.<Double>getAs("positive_share") + r.<Double>getAs("negative_share") <= 1);
    }
  }

  @Test
  void deterministicWhateverTheInputOrder() {
    assertEquals(
        CompareFixtures.canonical(StanceBySource.compute(CompareFixtures.frame(SENTENCES), PARAMS)),
        CompareFixtures.canonical(
            StanceBySource.compute(CompareFixtures.shuffled(SENTENCES), PARAMS)));
  }

  @Test
  void seedsAreSha256Based() {
    // SHA-256("abc") = ba7816bf 8f01cfea 414140de ... (FIPS 180-2 example)
    assertEquals(0xba7816bf8f01cfeaL, Seeds.stableHash("abc"));
    assertEquals(5L ^ 0xba7816bf8f01cfeaL, Seeds.of(5L, "abc"));
  }
}
