package dev.parallax.compare;

import static dev.parallax.compare.CompareFixtures.one;
import static dev.parallax.compare.CompareFixtures.s;
import static dev.parallax.warehouse.ContractAssertions.assertColumns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parallax.warehouse.schema.SourceSummaryColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SourceSummaryTest {
  static final String[] KEY = {"story", "source"};

  static final List<CompareFixtures.S> SENTENCES =
      List.of(
          s("s1", "A", "a1")
              .published("2025-02-06T10:00:00Z")
              .tone(0.3)
              .nTokens(12)
              .themes("frame_economic", "t_b")
              .mentions("frame_economic", "frame_economic", "t_b", "t_b"),
          s("s1", "A", "a1")
              .published("2025-02-06T10:00:00Z")
              .tone(-0.1)
              .nTokens(8)
              .themes("frame_economic", "t_a", "t_d")
              .mentions("frame_economic", "frame_economic", "frame_economic", "t_a", "t_a", "t_d"),
          s("s1", "A", "a2").published("2025-02-07T12:00:00Z").tone(0.7).nTokens(10).themes("t_c"),
          s("s1", "B", "b1").published(null).tone(0.2).nTokens(5));

  @Test
  void outputHasTheColumnsOfTheContract() {
    assertColumns(
        SourceSummaryColumns.SCHEMA,
        SourceSummary.compute(CompareFixtures.frame(SENTENCES)).schema());
  }

  @Test
  void summaryByHand() {
    List<Row> rows = SourceSummary.compute(CompareFixtures.frame(SENTENCES)).collectAsList();
    assertEquals(2, rows.size());
    Row a = one(rows, KEY, "s1", "A");
    assertEquals(2L, (long) a.getAs("articles"));
    assertEquals(3L, (long) a.getAs("sentences"));
    assertEquals(30L, (long) a.getAs("tokens"));
    assertEquals(Timestamp.from(Instant.parse("2025-02-06T10:00:00Z")), a.getAs("first_published"));
    assertEquals(Timestamp.from(Instant.parse("2025-02-07T12:00:00Z")), a.getAs("last_published"));
    assertEquals(0.3, a.<Double>getAs("tone_mean"), 1e-12); // (0.3 - 0.1 + 0.7) / 3
    // mentions: frame_economic 5 (not a story theme), t_a 2, t_b 2, t_c 1, t_d 1: ties by id
    assertEquals(List.of("t_a", "t_b", "t_c"), a.getList(a.fieldIndex("top_themes")));
    Row b = one(rows, KEY, "s1", "B");
    assertEquals(List.of(), b.getList(b.fieldIndex("top_themes")));
    assertNull(b.getAs("first_published"));
  }

  @Test
  void toneMeanEqualsStanceBySourceAllRowExactly() {
    List<Row> summary = SourceSummary.compute(CompareFixtures.shuffled(SENTENCES)).collectAsList();
    List<Row> stance =
        StanceBySource.compute(CompareFixtures.frame(SENTENCES), CompareParams.defaults())
            .collectAsList();
    // summed in article id then tone order whatever the row order: a1 (-0.1, 0.3), a2 (0.7)
    assertEquals(
        (-0.1 + 0.3 + 0.7) / 3, one(summary, KEY, "s1", "A").<Double>getAs("tone_mean"), 0);
    for (String src : List.of("A", "B")) {
      assertEquals(
          one(stance, new String[] {"source", "theme"}, src, "_all").<Double>getAs("tone_mean"),
          one(summary, KEY, "s1", src).<Double>getAs("tone_mean"),
          0);
    }
  }
}
