package dev.parallax.compare;

import static dev.parallax.compare.CompareFixtures.one;
import static dev.parallax.compare.CompareFixtures.s;
import static dev.parallax.warehouse.ContractAssertions.assertColumns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.warehouse.schema.ThemeFrequencyColumns;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Story s1: source A (2 articles, 3 sentences, 40 tokens), source B (1 article, 2 sentences, 60
 * tokens); themes t1, t2, t3. Story s2: one source, one frame theme. Expected values by hand.
 */
class ThemeFrequencyTest {
  static final double EPS = 1e-12;
  static final double ALPHA0 = 10;
  static final String[] KEY = {"story", "source", "theme"};

  static final List<CompareFixtures.S> SENTENCES =
      List.of(
          s("s1", "A", "a1").nTokens(10).themes("t1", "t2").mentions("t1", "t1", "t2"),
          s("s1", "A", "a1").nTokens(20).themes("t1"),
          s("s1", "A", "a2").nTokens(10),
          s("s1", "B", "b1").nTokens(30).themes("t3"),
          s("s1", "B", "b1").nTokens(30).themes("t1"),
          s("s2", "C", "c1").nTokens(5).themes("frame_economic"));

  static List<Row> compute(Dataset<Row> sentences) {
    Dataset<Row> labels =
        TestSpark.get()
            .sql("SELECT 't1' AS theme, 'Theme one' AS theme_label, 'economic' AS frame");
    return ThemeFrequency.compute(sentences, labels, ALPHA0).collectAsList();
  }

  @Test
  void outputHasTheColumnsOfTheContract() {
    assertColumns(
        ThemeFrequencyColumns.SCHEMA,
        ThemeFrequency.compute(CompareFixtures.frame(SENTENCES), null, ALPHA0).schema());
  }

  @Test
  void gridHasEverySourceTimesEveryThemeOfTheStory() {
    List<Row> rows = compute(CompareFixtures.frame(SENTENCES));
    // s1: {A, B} x {t1, t2, t3} = 6; s2: {C} x {frame_economic} = 1
    assertEquals(7, rows.size());
    Set<String> keys = new HashSet<>();
    for (Row r : rows) {
      keys.add(r.getAs("story") + "|" + r.getAs("source") + "|" + r.getAs("theme"));
    }
    assertEquals(7, keys.size());
    for (String src : List.of("A", "B")) {
      for (String th : List.of("t1", "t2", "t3")) {
        assertTrue(keys.contains("s1|" + src + "|" + th), src + " " + th);
      }
    }
    assertTrue(keys.contains("s2|C|frame_economic"));
  }

  @Test
  void countsRatesSharesByHand() {
    List<Row> rows = compute(CompareFixtures.frame(SENTENCES));
    Row at1 = one(rows, KEY, "s1", "A", "t1");
    assertEquals(1L, (long) at1.getAs("articles"));
    assertEquals(2L, (long) at1.getAs("sentences"));
    assertEquals(3L, (long) at1.getAs("mentions"));
    assertEquals(40L, (long) at1.getAs("source_tokens"));
    assertEquals(75.0, at1.<Double>getAs("rate_per_1k_tokens"), EPS); // 1000 * 3 / 40
    assertEquals(2.0 / 3, at1.<Double>getAs("sentence_share"), EPS);
    assertEquals(0.5, at1.<Double>getAs("article_share"), EPS);
    assertEquals("Theme one", at1.getAs("theme_label"));
    assertEquals("economic", at1.getAs("frame"));

    Row at3 = one(rows, KEY, "s1", "A", "t3");
    assertEquals(0L, (long) at3.getAs("articles"));
    assertEquals(0L, (long) at3.getAs("sentences"));
    assertEquals(0L, (long) at3.getAs("mentions"));
    assertEquals(0.0, at3.<Double>getAs("rate_per_1k_tokens"), 0);
    assertEquals(0.0, at3.<Double>getAs("sentence_share"), 0);
    assertNull(at3.getAs("theme_label"));

    Row bt1 = one(rows, KEY, "s1", "B", "t1");
    assertEquals(1000.0 / 60, bt1.<Double>getAs("rate_per_1k_tokens"), EPS);
    assertEquals(0.5, bt1.<Double>getAs("sentence_share"), EPS);
    assertEquals(1.0, bt1.<Double>getAs("article_share"), EPS);
  }

  @Test
  void liftAgainstPooledStoryRateRecomputedInJava() {
    List<Row> rows = compute(CompareFixtures.frame(SENTENCES));
    long storyTokens = 100;
    for (Row r : rows) {
      if (!"s1".equals(r.getAs("story"))) {
        continue;
      }
      String theme = r.getAs("theme");
      long storyMentions =
          SENTENCES.stream()
              .filter(x -> x.story.equals("s1"))
              .mapToLong(x -> x.mentions.stream().filter(theme::equals).count())
              .sum();
      long tokens =
          SENTENCES.stream()
              .filter(x -> x.story.equals("s1") && x.source.equals(r.getAs("source")))
              .mapToLong(x -> x.nTokens)
              .sum();
      long mentions = r.getAs("mentions");
      double rate = 1000.0 * mentions / tokens;
      double pooled = 1000.0 * storyMentions / storyTokens;
      assertEquals(rate, r.<Double>getAs("rate_per_1k_tokens"), EPS);
      assertEquals(rate / pooled, r.<Double>getAs("lift_vs_all"), EPS, theme);
    }
    // t1: pooled 1000 * 4 / 100 = 40 per 1k; A 75 / 40 = 1.875
    assertEquals(1.875, one(rows, KEY, "s1", "A", "t1").<Double>getAs("lift_vs_all"), EPS);
  }

  @Test
  void zVsRestIsFightinWordsByHand() {
    List<Row> rows = compute(CompareFixtures.frame(SENTENCES));
    // A, t1: yI = 3 of nI = 40 tokens; rest (B): yJ = 1 of nJ = 60; story 4 of 100;
    // alphaW = 10 * 4 / 100 = 0.4
    double aw = 0.4;
    double delta =
        Math.log((3 + aw) / (40 + ALPHA0 - 3 - aw)) - Math.log((1 + aw) / (60 + ALPHA0 - 1 - aw));
    double z = delta / Math.sqrt(1 / (3 + aw) + 1 / (1 + aw));
    Row at1 = one(rows, KEY, "s1", "A", "t1");
    assertEquals(delta, at1.<Double>getAs("log_odds_vs_rest"), 1e-12);
    assertEquals(z, at1.<Double>getAs("z_vs_rest"), 1e-12);
    // B, t2: yI = 0 of 60, rest 1 of 40, alphaW = 10 * 1 / 100 = 0.1: negative
    double d2 = Math.log(0.1 / (60 + ALPHA0 - 0.1)) - Math.log(1.1 / (40 + ALPHA0 - 1.1));
    assertEquals(
        d2 / Math.sqrt(1 / 0.1 + 1 / 1.1),
        one(rows, KEY, "s1", "B", "t2").<Double>getAs("z_vs_rest"),
        1e-12);
    // A single-source story has no rest to compare with.
    assertNull(one(rows, KEY, "s2", "C", "frame_economic").getAs("z_vs_rest"));
    assertEquals(
        1.0, one(rows, KEY, "s2", "C", "frame_economic").<Double>getAs("lift_vs_all"), EPS);
  }

  /**
   * Story s3 in three languages: English E1 (40 tokens, t1 twice) and E2 (60 tokens, t1 once),
   * Japanese J1 (100 tokens, t1 four times) and J2 (100 tokens, none), Korean K (50 tokens, t1 and
   * t2 once). Each source is pooled with the story's sources of its language only (the whole story
   * would be t1 8 of 350 tokens).
   */
  @Test
  void poolLiftAndLogOddsWithinTheSourcesLanguage() {
    List<Row> rows =
        compute(
            CompareFixtures.frame(
                List.of(
                    s("s3", "E1", "e1")
                        .nTokens(40)
                        .themes("t1")
                        .mentions("t1", "t1")
                        .language("en"),
                    s("s3", "E2", "e2").nTokens(60).themes("t1").language("en"),
                    s("s3", "J1", "j1")
                        .nTokens(100)
                        .themes("t1")
                        .mentions("t1", "t1", "t1", "t1")
                        .language("ja"),
                    s("s3", "J2", "j2").nTokens(100).language("ja"),
                    s("s3", "K", "k1").nTokens(50).themes("t1", "t2").language("ko"))));
    // E1, t1: rate 1000 · 2 / 40 = 50; English pool 3 of 100 tokens = 30 per 1k; lift 5/3
    Row e1 = one(rows, KEY, "s3", "E1", "t1");
    assertEquals(3L, (long) e1.getAs("story_mentions"));
    assertEquals(100L, (long) e1.getAs("story_tokens"));
    assertEquals(30.0, e1.<Double>getAs("story_rate_per_1k_tokens"), EPS);
    assertEquals(5.0 / 3, e1.<Double>getAs("lift_vs_all"), EPS);
    // against E2 only: y 2 of 40, rest 1 of 60, alphaW = 10 · 3 / 100 = 0.3
    double aw = 0.3;
    double delta =
        Math.log((2 + aw) / (40 + ALPHA0 - 2 - aw)) - Math.log((1 + aw) / (60 + ALPHA0 - 1 - aw));
    assertEquals(delta, e1.<Double>getAs("log_odds_vs_rest"), 1e-12);
    assertEquals(
        delta / Math.sqrt(1 / (2 + aw) + 1 / (1 + aw)), e1.<Double>getAs("z_vs_rest"), 1e-12);
    // J1, t1: rate 40; Japanese pool 4 of 200 = 20 per 1k; lift 2; against J2: 4 of 100, 0 of 100,
    // alphaW = 10 · 4 / 200 = 0.2
    Row j1 = one(rows, KEY, "s3", "J1", "t1");
    assertEquals(4L, (long) j1.getAs("story_mentions"));
    assertEquals(200L, (long) j1.getAs("story_tokens"));
    assertEquals(2.0, j1.<Double>getAs("lift_vs_all"), EPS);
    double ja =
        Math.log((4 + 0.2) / (100 + ALPHA0 - 4 - 0.2)) - Math.log(0.2 / (100 + ALPHA0 - 0.2));
    assertEquals(ja, j1.<Double>getAs("log_odds_vs_rest"), 1e-12);
    // K is alone in Korean: its own pool (lift 1), no rest (null log-odds and z)
    Row k = one(rows, KEY, "s3", "K", "t1");
    assertEquals(1L, (long) k.getAs("story_mentions"));
    assertEquals(50L, (long) k.getAs("story_tokens"));
    assertEquals(1.0, k.<Double>getAs("lift_vs_all"), EPS);
    assertNull(k.getAs("log_odds_vs_rest"));
    assertNull(k.getAs("z_vs_rest"));
    // t2 is Korean only: no English mention, so no pooled English rate to lift against
    Row e1t2 = one(rows, KEY, "s3", "E1", "t2");
    assertEquals(0L, (long) e1t2.getAs("story_mentions"));
    assertNull(e1t2.getAs("lift_vs_all"));
    assertNull(e1t2.getAs("z_vs_rest"));
    assertEquals(10, rows.size()); // 5 sources × {t1, t2}
  }

  @Test
  void rankInSourceByMentionsThenThemeId() {
    List<Row> rows = compute(CompareFixtures.frame(SENTENCES));
    // A: t1 3, t2 1, t3 0
    assertEquals(1L, (long) one(rows, KEY, "s1", "A", "t1").<Long>getAs("rank_in_source"));
    assertEquals(2L, (long) one(rows, KEY, "s1", "A", "t2").<Long>getAs("rank_in_source"));
    assertEquals(3L, (long) one(rows, KEY, "s1", "A", "t3").<Long>getAs("rank_in_source"));
    // B: t1 1, t3 1 (tie: t1 first by id), t2 0
    assertEquals(1L, (long) one(rows, KEY, "s1", "B", "t1").<Long>getAs("rank_in_source"));
    assertEquals(2L, (long) one(rows, KEY, "s1", "B", "t3").<Long>getAs("rank_in_source"));
    assertEquals(3L, (long) one(rows, KEY, "s1", "B", "t2").<Long>getAs("rank_in_source"));
  }

  @Test
  void sharesInUnitIntervalAndFrameThemesFlagged() {
    List<Row> rows = compute(CompareFixtures.frame(SENTENCES));
    for (Row r : rows) {
      for (String c : List.of("sentence_share", "article_share")) {
        double v = r.getAs(c);
        assertTrue(v >= 0 && v <= 1, c + " " + v);
      }
      assertEquals(!r.<String>getAs("theme").startsWith("frame_"), r.<Boolean>getAs("story_theme"));
    }
    assertFalse(one(rows, KEY, "s2", "C", "frame_economic").<Boolean>getAs("story_theme"));
  }

  @Test
  void withoutLabelsTheColumnsAreNull() {
    List<Row> rows =
        ThemeFrequency.compute(CompareFixtures.frame(SENTENCES), null, ALPHA0).collectAsList();
    assertEquals(7, rows.size());
    assertTrue(
        rows.stream()
            .allMatch(
                r -> r.isNullAt(r.fieldIndex("theme_label")) && r.isNullAt(r.fieldIndex("frame"))));
  }

  @Test
  void deterministicWhateverTheInputOrder() {
    assertEquals(
        CompareFixtures.canonical(
            ThemeFrequency.compute(CompareFixtures.frame(SENTENCES), null, ALPHA0)),
        CompareFixtures.canonical(
            ThemeFrequency.compute(CompareFixtures.shuffled(SENTENCES), null, ALPHA0)));
  }
}
