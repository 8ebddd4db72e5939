package dev.parallax.compare;

import static dev.parallax.compare.CompareFixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.warehouse.schema.TimelineColumns;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The timeline on a handful of sentences whose rows are worked out by hand: days in UTC and in
 * Tokyo, shares of the day's coverage, mentions, the pooled tone and when its interval exists, and
 * the articles kept off the timeline.
 */
class TimelineTest {
  static final LocalDate START = LocalDate.parse("2025-02-08");
  static final LocalDate END = LocalDate.parse("2025-02-10");

  /**
   * A: a1 published 2025-02-09 20:00 UTC (Tokyo: 02-10 05:00) with two sentences, a2 on 02-10 01:00
   * UTC with one; B: b1 on 02-10 03:00 UTC (no tone), b2 without a date, b3 in 1970.
   */
  static Dataset<Row> sentences() {
    return CompareFixtures.frame(
        s("s", "A", "a1")
            .published("2025-02-09T20:00:00Z")
            .themes("t1")
            .mentions("t1", "t1")
            .tone(0.5)
            .nTokens(10),
        s("s", "A", "a1").published("2025-02-09T20:00:00Z").tone(-0.1).nTokens(10),
        s("s", "A", "a2")
            .published("2025-02-10T01:00:00Z")
            .themes("t1", "t2")
            .mentions("t1", "t2")
            .tone(0.3)
            .nTokens(7),
        s("s", "B", "b1")
            .published("2025-02-10T03:00:00Z")
            .themes("t2")
            .mentions("t2")
            .noTone()
            .nTokens(5),
        s("s", "B", "b2").published(null).tone(0.9).nTokens(4),
        s("s", "B", "b3").published("1970-01-01T00:00:00Z").tone(0.9).nTokens(4));
  }

  static Map<String, Row> byKey(Dataset<Row> timeline) {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : timeline.collectAsList()) {
      out.put(r.getAs("source") + " " + r.getDate(r.fieldIndex("day")) + " " + r.getAs("theme"), r);
    }
    return out;
  }

  @Test
  void daysInUtcWithSharesMentionsAndTone() {
    Dataset<Row> t =
        Timeline.compute(
            sentences(), Timeline.Range.of(ZoneOffset.UTC, START, END), CompareParams.defaults());
    Map<String, Row> rows = byKey(t);
    assertEquals(
        List.of(
            "A 2025-02-09 _all",
            "A 2025-02-09 t1",
            "A 2025-02-10 _all",
            "A 2025-02-10 t1",
            "A 2025-02-10 t2",
            "B 2025-02-10 _all",
            "B 2025-02-10 t2"),
        List.copyOf(rows.keySet()));
    Row a9 = rows.get("A 2025-02-09 _all");
    assertEquals(1L, a9.<Long>getAs("articles"));
    assertEquals(2L, a9.<Long>getAs("sentences"));
    assertEquals(2L, a9.<Long>getAs("mentions"));
    assertEquals(20L, a9.<Long>getAs("tokens"));
    assertEquals(1L, a9.<Long>getAs("story_articles"));
    assertEquals(1.0, a9.<Double>getAs("share"), 1e-12);
    assertEquals(2L, a9.<Long>getAs("toned_sentences"));
    assertEquals(0.2, a9.<Double>getAs("tone_mean"), 1e-12);
    // bootstrap means of {0.5, -0.1}: -0.1 (p 1/4), 0.2 (1/2), 0.5 (1/4); the 2.5% and 97.5%
    // quantiles of 2,000 of them are the two extremes
    assertEquals(-0.1, a9.<Double>getAs("tone_ci_low"), 1e-12);
    assertEquals(0.5, a9.<Double>getAs("tone_ci_high"), 1e-12);
    assertEquals("sentence", a9.getAs("resampling"));
    assertTrue(a9.<Boolean>getAs("small_sample"));
    Row a9t1 = rows.get("A 2025-02-09 t1");
    assertEquals(1L, a9t1.<Long>getAs("sentences"));
    assertEquals(2L, a9t1.<Long>getAs("mentions"), "t1 mentioned twice in one sentence");
    assertEquals(0.5, a9t1.<Double>getAs("tone_mean"), 1e-12);
    assertNull(a9t1.getAs("tone_ci_low"), "one toned sentence: no interval");
    assertNull(a9t1.getAs("resampling"));
    // 02-10: a2 (A) and b1 (B) are the story's two articles of the day
    Row a10 = rows.get("A 2025-02-10 _all");
    assertEquals(2L, a10.<Long>getAs("story_articles"));
    assertEquals(0.5, a10.<Double>getAs("share"), 1e-12);
    assertEquals(2L, a10.<Long>getAs("mentions"));
    Row b10 = rows.get("B 2025-02-10 _all");
    assertEquals(0.5, b10.<Double>getAs("share"), 1e-12);
    assertEquals(0L, b10.<Long>getAs("toned_sentences"));
    assertNull(b10.getAs("tone_mean"));
    assertEquals(1L, rows.get("B 2025-02-10 t2").<Long>getAs("mentions"));
    assertEquals(
        0.5, rows.get("A 2025-02-10 t2").<Double>getAs("share"), 1e-12, "1 of the day's 2");
    assertEquals(TimelineColumns.SCHEMA, t.schema());
  }

  @Test
  void tokyoDaysMoveTheEveningArticleToTheNextDay() {
    Dataset<Row> t =
        Timeline.compute(
            sentences(),
            Timeline.Range.of(ZoneId.of("Asia/Tokyo"), START, END),
            CompareParams.defaults());
    Map<String, Row> rows = byKey(t);
    Row a10 = rows.get("A 2025-02-10 _all");
    assertEquals(2L, a10.<Long>getAs("articles"));
    assertEquals(3L, a10.<Long>getAs("sentences"));
    assertEquals(4L, a10.<Long>getAs("mentions"));
    assertEquals(3L, a10.<Long>getAs("story_articles"));
    assertEquals(2.0 / 3, a10.<Double>getAs("share"), 1e-12);
    assertEquals((0.5 - 0.1 + 0.3) / 3, a10.<Double>getAs("tone_mean"), 1e-12);
    assertEquals(5, rows.size(), "A _all, t1, t2 and B _all, t2, all on 02-10: " + rows.keySet());
  }

  @Test
  void undatedAndFarDatedArticlesAreCountedNotDrawn() {
    Timeline.Range range = Timeline.Range.of(ZoneOffset.UTC, START, END);
    Dataset<Row> days = Timeline.articleDays(sentences(), range);
    Map<String, long[]> off = new TreeMap<>();
    for (Row r : Timeline.offTimeline(days).collectAsList()) {
      off.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
    }
    assertEquals(0, off.get("A")[0]);
    assertEquals(0, off.get("A")[1]);
    assertEquals(1, off.get("B")[0], "b2 has no date");
    assertEquals(1, off.get("B")[1], "b3 is dated 1970");
    assertEquals(List.of(LocalDate.parse("1970-01-01")), Timeline.outOfRangeDays(days, 5));
    // the margin: 30 days either side of the window
    assertEquals(LocalDate.parse("2025-01-09"), range.first());
    assertEquals(LocalDate.parse("2025-03-12"), range.last());
  }

  @Test
  void pastCoverageComparedLaterKeepsItsDaysAndLosesOnlyTheStrayDate() {
    // a window in December 2026: the February 2025 articles are far from it, but within 30 days
    // of their story's median day (2025-02-10, the middle of a1, a2, b1 and b3's days); 1970 is not
    Timeline.Range range =
        Timeline.Range.of(
            ZoneOffset.UTC, LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-05"));
    Dataset<Row> days = Timeline.articleDays(sentences(), range);
    assertEquals(List.of(LocalDate.parse("1970-01-01")), Timeline.outOfRangeDays(days, 5));
    assertEquals(3, days.where("_t_status = 'dated'").count());
  }

  @Test
  void theSameSentencesInAnotherOrderGiveTheSameRows() {
    Timeline.Range range = Timeline.Range.of(ZoneOffset.UTC, START, END);
    Dataset<Row> a = Timeline.compute(sentences(), range, CompareParams.defaults());
    Dataset<Row> b = Timeline.compute(sentences().repartition(3), range, CompareParams.defaults());
    assertEquals(CompareFixtures.canonical(a), CompareFixtures.canonical(b));
  }
}
