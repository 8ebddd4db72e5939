package dev.parallax.report;

import static dev.parallax.report.HtmlReportTest.between;
import static dev.parallax.report.HtmlReportTest.count;
import static dev.parallax.report.HtmlReportTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.schema.SourceSummaryColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import dev.parallax.warehouse.schema.TimelineColumns;
import dev.parallax.warehouse.schema.WindowColumns;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The window line, {@link AttentionSection} and {@link ToneOverTimeSection} on rows made by hand
 * (no Spark): story s, sources A and B, a window of run dates 2025-02-04 to 2025-02-10 whose 05 and
 * 06 Feb have no sentences.
 *
 * <p>Timeline ({@code _all}): on 04 Feb A has 2 articles, 3 toned sentences at mean 0.5, B 1
 * article, 1 toned sentence at −0.1 (story_articles 3); nothing on 05 Feb; on 06 Feb A has 1
 * article with 2 toned sentences at 0.2 (story_articles 1). By hand: articles per day 3, 0
 * (zero-filled), 1; pooled tone on 04 Feb (0.5 · 3 − 0.1 · 1) / 4 = 0.350 (n 4), on 06 Feb 0.200 (n
 * 2). source_summary says A has 2 undated articles and B 1 dated far outside the window.
 */
class TimelineSectionsTest {
  static final LocalDate START = LocalDate.parse("2025-02-04");
  static final LocalDate END = LocalDate.parse("2025-02-10");
  static final Set<LocalDate> MISSING =
      Set.of(LocalDate.parse("2025-02-05"), LocalDate.parse("2025-02-06"));

  @Test
  void theWindowLineNamesTheRunDatesWithoutSentences() {
    ReportWindow w = ReportWindow.of(List.of(List.of(), summary()), d -> !MISSING.contains(d));
    assertEquals(7, w.days());
    assertEquals(
        "Window: run dates 2025-02-04 to 2025-02-10 (7 days); no sentences for 2025-02-05,"
            + " 2025-02-06 (never run or not annotated)",
        w.text());
    assertEquals("Window: run date 2025-02-10 alone", new ReportWindow(END, END, List.of()).text());
    String html = render(timeline(), w);
    assertTrue(
        html.contains(
            "<p class=\"lede window\">Window: run dates 2025-02-04 to 2025-02-10 (7 days); no"
                + " sentences for 2025-02-05, 2025-02-06 (never run or not annotated).</p>"),
        html);
  }

  @Test
  void tablesWithoutWindowColumnsGiveNoWindowLine() {
    StructType old = new StructType().add(SourceSummaryColumns.STORY, "string");
    Row r = new GenericRowWithSchema(new Object[] {"s"}, old);
    assertNull(ReportWindow.of(List.of(List.of(r)), d -> true));
    assertFalse(render(timeline(), null).contains("Window:"));
  }

  @Test
  void attentionDrawsEveryDayStackedBySourceZeroWhereNoArticle() {
    String html = render(timeline(), window());
    String section = between(html, "id=\"s1-attention\"", "</section>");
    assertEquals(1, count(section, "data-chart=\"attention\""));
    List<String[]> rows = rows(between(section, "data-table=\"attention\"", "</table>"));
    // day | A | B | all sources
    assertEquals(3, rows.size());
    assertEquals(List.of("2025-02-04", "2", "1", "<b>3</b>"), List.of(rows.get(0)));
    assertEquals(List.of("2025-02-05", "0", "0", "<b>0</b>"), List.of(rows.get(1)));
    assertEquals(List.of("2025-02-06", "1", "0", "<b>1</b>"), List.of(rows.get(2)));
    // one colour per source in the chart, the first two of the categorical palette
    String svg = between(section, "<svg ", "</svg>");
    assertTrue(svg.contains("rgb(78,121,167)") || svg.contains("#4e79a7"), svg);
    assertTrue(svg.contains("rgb(242,142,43)") || svg.contains("#f28e2b"), svg);
    assertTrue(
        section.contains(
            "2 articles without a publication date and 1 dated far off (more than 30 days from"
                + " the window and from the median day of the story) are not drawn"),
        section);
  }

  @Test
  void toneOverTimePoolsTheSourcesSentenceWeightedAndSkipsDaysWithoutTone() {
    assertEquals(
        0.35, ToneOverTimeSection.pooled(timeline(), LocalDate.parse("2025-02-04")).mean(), 1e-12);
    assertEquals(4, ToneOverTimeSection.pooled(timeline(), LocalDate.parse("2025-02-04")).toned());
    assertNull(ToneOverTimeSection.pooled(timeline(), LocalDate.parse("2025-02-05")));
    String html = render(timeline(), window());
    String section = between(html, "id=\"s1-tone-time\"", "</section>");
    assertEquals(1, count(section, "data-chart=\"tone-time\""));
    List<String[]> rows = rows(between(section, "data-table=\"tone-time\"", "</table>"));
    assertEquals(2, rows.size(), "05 Feb has no toned sentence");
    assertEquals("2025-02-04", rows.get(0)[0]);
    assertTrue(
        rows.get(0)[1].contains(">+0.350<") && rows.get(0)[1].contains("n=4"), rows.get(0)[1]);
    assertEquals("2025-02-06", rows.get(1)[0]);
    assertTrue(
        rows.get(1)[1].contains(">+0.200<") && rows.get(1)[1].contains("n=2"), rows.get(1)[1]);
    assertTrue(section.contains("timeline.csv"), section);
  }

  @Test
  void withoutATimelineTheSectionsSaySoAndNothingIsDrawn() {
    String html = render(null, window());
    for (String key : List.of("attention", "tone-time")) {
      String section = between(html, "id=\"s1-" + key + "\"", "</section>");
      assertTrue(section.contains(AttentionSection.NO_TIMELINE), section);
      assertFalse(section.contains("<svg"), section);
    }
  }

  @Test
  void theNoteOnArticlesNotDrawnIsGrammatical() {
    assertEquals("", AttentionSection.notDrawn(0, 0));
    assertTrue(
        AttentionSection.notDrawn(1, 0)
            .startsWith("1 article without a publication date is not drawn"));
    assertTrue(
        AttentionSection.notDrawn(0, 2)
            .startsWith(
                "2 articles dated far off (more than 30 days from the window and from the median day of the story) are"));
  }

  private static ReportWindow window() {
    return ReportWindow.of(List.of(summary()), d -> !MISSING.contains(d));
  }

  private static String render(List<Row> timeline, ReportWindow window) {
    return HtmlReport.render(
        END,
        0.95,
        0.05,
        null,
        new HtmlReport.Tables(
            List.of(), List.of(), List.of(), List.of(), summary(), List.of(), timeline, null,
            window));
  }

  private static List<Row> summary() {
    return List.of(summaryRow("A", 2, 0), summaryRow("B", 0, 1));
  }

  private static Row summaryRow(String source, long undated, long outOfRange) {
    Map<String, Object> v = new HashMap<>();
    v.put(SourceSummaryColumns.STORY, "s");
    v.put(SourceSummaryColumns.SOURCE, source);
    v.put(SourceSummaryColumns.LANGUAGE, "en");
    v.put(SourceSummaryColumns.UNDATED_ARTICLES, undated);
    v.put(SourceSummaryColumns.OUT_OF_RANGE_ARTICLES, outOfRange);
    return row(Table.SOURCE_SUMMARY.schema(), v);
  }

  private static List<Row> timeline() {
    return List.of(
        cell("A", "2025-02-04", ThemeIds.ALL, 2, 3, 3, 0.5),
        cell("B", "2025-02-04", ThemeIds.ALL, 1, 3, 1, -0.1),
        cell("A", "2025-02-06", ThemeIds.ALL, 1, 1, 2, 0.2));
  }

  private static Row cell(
      String source,
      String day,
      String theme,
      long articles,
      long storyArticles,
      long toned,
      double tone) {
    Map<String, Object> v = new HashMap<>();
    v.put(TimelineColumns.STORY, "s");
    v.put(TimelineColumns.SOURCE, source);
    v.put(TimelineColumns.LANGUAGE, "en");
    v.put(TimelineColumns.DAY, Date.valueOf(day));
    v.put(TimelineColumns.THEME, theme);
    v.put(TimelineColumns.ARTICLES, articles);
    v.put(TimelineColumns.SENTENCES, toned);
    v.put(TimelineColumns.MENTIONS, 0L);
    v.put(TimelineColumns.TOKENS, 10L * toned);
    v.put(TimelineColumns.STORY_ARTICLES, storyArticles);
    v.put(TimelineColumns.SHARE, (double) articles / storyArticles);
    v.put(TimelineColumns.TONED_SENTENCES, toned);
    v.put(TimelineColumns.TONE_MEAN, tone);
    v.put(TimelineColumns.SMALL_SAMPLE, true);
    return row(Table.TIMELINE.schema(), v);
  }

  /** A row of the schema with the window 2025-02-04 to 2025-02-10 and the given values. */
  private static Row row(StructType schema, Map<String, Object> values) {
    Map<String, Object> v = new HashMap<>(values);
    v.put(WindowColumns.WINDOW_START, Date.valueOf(START));
    v.put(WindowColumns.WINDOW_END, Date.valueOf(END));
    Object[] out = new Object[schema.size()];
    v.forEach((k, x) -> out[schema.fieldIndex(k)] = x);
    return new GenericRowWithSchema(out, schema);
  }
}
