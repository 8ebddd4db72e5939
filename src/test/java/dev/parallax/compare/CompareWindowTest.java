package dev.parallax.compare;

import static dev.parallax.compare.CompareFixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parallax.TestSpark;
import dev.parallax.config.ConfigLoader;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.warehouse.MissingTableException;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import dev.parallax.warehouse.schema.ArticlesColumns;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which articles a window of three run dates counts, on a warehouse written here: each case of the
 * rules (an exact copy on a later date, the same article crawled again with an edited text, a near
 * duplicate across dates, an earlier publication on a later run date, a tie broken by the run date,
 * an automatic story of another date, a copy within one date) with the expected outcome worked out
 * by hand. Every text and outlet is invented (synthetic).
 */
class CompareWindowTest {
  @TempDir static Path tmp;

  static final LocalDate D1 = LocalDate.parse("2025-02-08");
  static final LocalDate D2 = LocalDate.parse("2025-02-09");
  static final LocalDate D3 = LocalDate.parse("2025-02-10");
  static Warehouse warehouse;

  static final String LONG =
      "Tokyo officials described the summit as a careful first step for the alliance and said the"
          + " prime minister raised steel tariffs investment in American factories liquefied"
          + " natural gas purchases and the cost of stationing troops while the president"
          + " praised the relationship and promised to visit Japan later in the year according"
          + " to a statement released after the talks ended in the evening";

  @BeforeAll
  static void writeThreeDates() {
    warehouse = new Warehouse(TestSpark.get(), tmp.resolve("wh").toString(), 1000);
    // D1: a1, a2 (counted); e1 (a later-published copy of e2 of D3); f1 (ties f2, earlier date);
    // x1 (automatic story of another date)
    publish(
        D1,
        List.of(
            article("a1", "A", "2025-02-08T09:00:00Z", "text one about the summit", null, "s"),
            article("a2", "B", "2025-02-08T10:00:00Z", "text two about the summit", null, "s"),
            article("e1", "A", "2025-02-08T11:00:00Z", "text seven about tariffs", null, "s"),
            article("f1", "C", "2025-02-08T12:00:00Z", "text eight about troops", null, "s"),
            article(
                "x1",
                "D",
                "2025-02-08T13:00:00Z",
                "an unrelated automatic story",
                null,
                "auto-1")));
    // D2: b1 exact copy of a1; a2 crawled again with an edited text (same id); b4 the original of
    // c1's near duplicate; f2 ties f1; x2 automatic story of another date; b5 a copy of b4 within
    // D2 (not annotated)
    publish(
        D2,
        List.of(
            article("b1", "E", "2025-02-09T09:00:00Z", "text one about the summit", null, "s"),
            article(
                "a2", "B", "2025-02-09T10:00:00Z", "text two about the summit, updated", null, "s"),
            article("b4", "F", "2025-02-09T11:00:00Z", LONG, null, "s"),
            article("f2", "G", "2025-02-08T12:00:00Z", "text eight about troops", null, "s"),
            article("x2", "D", "2025-02-09T13:00:00Z", "another automatic story", null, "auto-1"),
            article("b5", "H", "2025-02-09T14:00:00Z", LONG, "b4", "s")));
    // D3 (the run date): c1 near duplicate of b4 (a new first sentence); c2 counted; e2 published
    // before e1; x3 an automatic story of the run date (counted)
    publish(
        D3,
        List.of(
            article(
                "c1",
                "I",
                "2025-02-10T09:00:00Z",
                "A reprint with its own opening line. " + LONG,
                null,
                "s"),
            article("c2", "A", "2025-02-10T10:00:00Z", "text five about the alliance", null, "s"),
            article("e2", "J", "2025-02-07T08:00:00Z", "text seven about tariffs", null, "s"),
            article(
                "x3",
                "D",
                "2025-02-10T13:00:00Z",
                "the run date's automatic story",
                null,
                "auto-1")));
  }

  /** An articles row and, unless it is a copy within its date, one sentence and one quote. */
  record A(Row row, String id, String source, String story, boolean annotated) {}

  static A article(
      String id, String source, String published, String text, String duplicateOf, String story) {
    Map<String, Object> v = new HashMap<>();
    v.put(ArticlesColumns.ARTICLE_ID, id);
    v.put(ArticlesColumns.STORY, story);
    v.put(ArticlesColumns.SOURCE, source);
    v.put(ArticlesColumns.URL, "https://example.invalid/" + source + "/" + id);
    v.put(ArticlesColumns.PUBLISHED_AT, Timestamp.from(Instant.parse(published)));
    v.put(ArticlesColumns.LANGUAGE, "en");
    v.put(ArticlesColumns.SYNTHETIC, true);
    v.put(ArticlesColumns.TEXT, text);
    v.put(ArticlesColumns.N_CHARS, (long) text.length());
    v.put(ArticlesColumns.N_WORDS, (long) text.split(" ", -1).length);
    v.put(ArticlesColumns.CONTENT_SHA256, "sha-of-" + text);
    v.put(ArticlesColumns.DUPLICATE_OF, duplicateOf);
    v.put(ArticlesColumns.INPUT_FILE, "input/" + id + ".jsonl");
    v.put(ArticlesColumns.RECORD_REF, "line 1");
    v.put(ArticlesColumns.RECORD_INDEX, 0L);
    v.put(ArticlesColumns.WARNINGS, new String[0]);
    v.put(
        ArticlesColumns.STORY_KIND,
        story.startsWith("auto-") ? ArticlesColumns.KIND_AUTO : ArticlesColumns.KIND_DECLARED);
    Object[] row = new Object[ArticlesColumns.SCHEMA.size()];
    for (Map.Entry<String, Object> e : v.entrySet()) {
      row[ArticlesColumns.SCHEMA.fieldIndex(e.getKey())] = e.getValue();
    }
    return new A(RowFactory.create(row), id, source, story, duplicateOf == null);
  }

  static void publish(LocalDate date, List<A> articles) {
    List<Row> rows = new ArrayList<>();
    List<CompareFixtures.S> sentences = new ArrayList<>();
    for (A a : articles) {
      rows.add(a.row());
      if (a.annotated()) {
        sentences.add(
            s(a.story(), a.source(), a.id()).tone(0.1).quote("direct", "Someone", null, null, 0.2));
      }
    }
    warehouse.publish(
        Table.ARTICLES,
        date,
        "fixture",
        TestSpark.get().createDataFrame(rows, ArticlesColumns.SCHEMA));
    CompareFixtures.publishSentences(warehouse, date, CompareFixtures.frame(sentences));
  }

  static ParallaxConfig config(boolean nearDuplicates) {
    return ConfigLoader.load(
        null,
        Map.of(
            "warehouse",
            tmp.resolve("wh").toString(),
            "run_date",
            D3.toString(),
            "dedup.enabled",
            Boolean.toString(nearDuplicates)));
  }

  static Set<String> ids(org.apache.spark.sql.Dataset<Row> rows) {
    Set<String> out = new TreeSet<>();
    for (Row r : rows.select("source", "article_id").collectAsList()) {
      out.add(r.getString(0) + ":" + r.getString(1));
    }
    return out;
  }

  @Test
  void aWindowListsTheDatesWithSentencesAndTheMissingOnes() {
    CompareWindow.Dates five = CompareWindow.dates(warehouse, D3, 5);
    assertEquals(LocalDate.parse("2025-02-06"), five.start());
    assertEquals(D3, five.end());
    assertEquals(List.of(D1, D2, D3), five.present());
    assertEquals(
        List.of(LocalDate.parse("2025-02-06"), LocalDate.parse("2025-02-07")), five.missing());
    assertEquals(5, five.days());
    CompareWindow.Dates one = CompareWindow.dates(warehouse, D3, 1);
    assertEquals(List.of(D3), one.present());
    assertEquals(D3, one.start());
  }

  @Test
  void eachArticleCountsOnceOnItsEarliestPublishedCopy() {
    CompareWindow.Read read =
        CompareWindow.read(warehouse, CompareWindow.dates(warehouse, D3, 3), config(true));
    // a1 (b1 is its later copy), a2 of D1 (crawled again on D2), b4 (c1 its near duplicate on
    // a later date), e2 (published before its copy e1 of an earlier run date), f1 (ties f2,
    // earlier run date), c2, and x3 (the run date's automatic story); x1 and x2 left out
    Set<String> expected =
        new TreeSet<>(List.of("A:a1", "B:a2", "F:b4", "J:e2", "C:f1", "A:c2", "D:x3"));
    assertEquals(expected, ids(read.sentences()));
    assertEquals(expected, ids(read.quotes()));
    assertEquals(5, read.windowCopies(), "b1, a2 of D2, c1, e1, f2");
    assertEquals(2, read.otherDateStoriesSkipped(), "x1, x2");
    // a2 is read from D1, its first crawl: the sentence text of D1's row
    assertEquals(7, read.sentences().count());
  }

  @Test
  void withoutNearDuplicatesOnlyTheSameTextOrIdCountsOnce() {
    CompareWindow.Read read =
        CompareWindow.read(warehouse, CompareWindow.dates(warehouse, D3, 3), config(false));
    assertEquals(
        new TreeSet<>(List.of("A:a1", "B:a2", "F:b4", "I:c1", "J:e2", "C:f1", "A:c2", "D:x3")),
        ids(read.sentences()));
    assertEquals(4, read.windowCopies());
  }

  @Test
  void aShorterWindowReadsOnlyItsDates() {
    CompareWindow.Read read =
        CompareWindow.read(warehouse, CompareWindow.dates(warehouse, D3, 2), config(true));
    // D2 and D3: b1 counts now (a1 is outside), a2 of D2 too, c1 is b4's copy, e2 and f2 count
    assertEquals(
        new TreeSet<>(List.of("E:b1", "B:a2", "F:b4", "J:e2", "G:f2", "A:c2", "D:x3")),
        ids(read.sentences()));
  }

  @Test
  void oneDayIsTheRunDateAsItIs() {
    CompareWindow.Read read =
        CompareWindow.read(warehouse, CompareWindow.dates(warehouse, D3, 1), config(true));
    assertEquals(new TreeSet<>(List.of("I:c1", "A:c2", "J:e2", "D:x3")), ids(read.sentences()));
    assertEquals(0, read.windowCopies());
  }

  @Test
  void theRunDateItselfMustHaveSentences() {
    LocalDate later = D3.plusDays(1);
    assertThrows(
        MissingTableException.class,
        () ->
            CompareWindow.read(warehouse, CompareWindow.dates(warehouse, later, 3), config(true)));
  }
}
