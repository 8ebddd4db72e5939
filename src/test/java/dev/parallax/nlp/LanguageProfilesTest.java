package dev.parallax.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestCorpus;
import dev.parallax.TestSpark;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.SentencesColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Articles in several languages through the real annotate code path ({@link AnnotateJob#sentences}
 * on a Spark DataFrame): each language's profile, and the articles left out and counted.
 */
class LanguageProfilesTest {

  static final StructType INPUT =
      new StructType()
          .add(ArticlesColumns.ARTICLE_ID, DataTypes.StringType, false)
          .add(ArticlesColumns.STORY, DataTypes.StringType, false)
          .add(ArticlesColumns.SOURCE, DataTypes.StringType, false)
          .add(ArticlesColumns.PUBLISHED_AT, DataTypes.TimestampType)
          .add(ArticlesColumns.LANGUAGE, DataTypes.StringType)
          .add(ArticlesColumns.TEXT, DataTypes.StringType, false)
          .add(ArticlesColumns.DUPLICATE_OF, DataTypes.StringType)
          .add(ArticlesColumns.NEAR_DUPLICATE_OF, DataTypes.StringType);

  static final String ENGLISH =
      "Ishiba met Trump at the White House on Friday. Analysts said the talks were clearly a"
          + " success for the alliance.\n\n"
          + "「日米同盟は揺るぎない」と石破首相は記者団に述べた。\n\n"
          + "Tariffs remain a worry for Japanese carmakers.";

  static String body(String file) throws IOException {
    return TestCorpus.sampleArticle(file).body();
  }

  static Row article(String id, String language, String text, String duplicateOf) {
    return nearCopy(id, language, text, duplicateOf, null);
  }

  static Row nearCopy(
      String id, String language, String text, String duplicateOf, String nearDuplicateOf) {
    return RowFactory.create(
        id, "ishiba-trump-2025", "src-" + id, null, language, text, duplicateOf, nearDuplicateOf);
  }

  @Test
  void eachLanguageItsProfileAndTheRestCounted() throws IOException {
    List<Row> in =
        List.of(
            article("en-1", "en", ENGLISH, null),
            article("ja-1", "ja", body("kasumi-shimpo-1.md"), null),
            article("en-dup", "en", ENGLISH, "en-1"),
            nearCopy("en-near", "en", ENGLISH + "\n\nA closing line of the reprint.", null, "en-1"),
            article("pt-1", "pt", "O primeiro-ministro japonês reuniu-se com Trump.", null),
            article("ta-1", "ta", "ஜப்பான் பிரதமர் டிரம்பை சந்தித்தார்.", null),
            article("none-1", null, "Text whose language nobody knows.", null));
    Dataset<Row> articles = TestSpark.get().createDataFrame(in, INPUT);
    List<Row> rows =
        AnnotateJob.sentences(TestSpark.get(), articles, NlpFixtures.annotator(), false, 2)
            .collectAsList();

    TreeMap<String, List<Row>> byArticle = new TreeMap<>();
    for (Row r : rows) {
      byArticle
          .computeIfAbsent(r.getAs(SentencesColumns.ARTICLE_ID), k -> new ArrayList<>())
          .add(r);
    }
    // the exact and the near duplicate, pt, ta and the unknown language get no sentence
    assertEquals(List.of("en-1", "ja-1"), List.copyOf(byArticle.keySet()));

    // English: three paragraphs, the first with two sentences = 4 sentences; the Japanese quote
    // is the third, with tone and stance markers null; the others are scored.
    List<Row> en = byArticle.get("en-1");
    assertEquals(4, en.size());
    for (int i = 0; i < en.size(); i++) {
      Row r = en.get(i);
      assertEquals("en", r.getAs(SentencesColumns.LANGUAGE));
      if (i == 2) {
        assertTrue(r.<String>getAs(SentencesColumns.TEXT).startsWith("「日米同盟"));
        assertNull(r.getAs(SentencesColumns.TONE), "tone of the Japanese quote");
        assertNull(r.getAs(SentencesColumns.HEDGES));
        assertNull(r.getAs(SentencesColumns.BOOSTERS));
        assertNull(r.getAs(SentencesColumns.ATTITUDE));
        assertNull(r.getAs(SentencesColumns.SELF_MENTIONS));
        // analysed by the Japanese profile (kana in it), not by English rules: the phrase 日米同盟
        // of alliance_security matches as written, and no token keeps the corner brackets
        assertTrue(
            r.<scala.collection.Seq<String>>getAs(SentencesColumns.THEMES)
                .contains("alliance_security"));
        assertTrue(
            r.<scala.collection.Seq<String>>getAs(SentencesColumns.MATCHED_TERMS)
                .contains("alliance_security:日米同盟"));
        assertFalse(
            r.<scala.collection.Seq<String>>getAs(SentencesColumns.TOKENS)
                .exists(t -> t.contains("「")));
      } else {
        assertNotNull(r.getAs(SentencesColumns.TONE), r.<String>getAs(SentencesColumns.TEXT));
        assertNotNull(r.getAs(SentencesColumns.HEDGES));
      }
    }
    // "clearly a success": "clearly" is a booster, "success" positive
    assertEquals(1L, (long) en.get(1).<Long>getAs(SentencesColumns.BOOSTERS));
    assertTrue(en.get(1).<Double>getAs(SentencesColumns.TONE) > 0.05);

    // Japanese: no tone lexicon configured, so no tone; no stance markers; offsets point into the
    // article text; themes a reader finds (see CjkCorpusTest) are there.
    String ja = body("kasumi-shimpo-1.md");
    List<Row> jaRows = byArticle.get("ja-1");
    assertTrue(jaRows.size() >= 10, "sentences: " + jaRows.size());
    TreeSet<String> themes = new TreeSet<>();
    for (int i = 0; i < jaRows.size(); i++) {
      Row r = jaRows.get(i);
      assertEquals("ja", r.getAs(SentencesColumns.LANGUAGE));
      assertEquals((long) i, (long) r.<Long>getAs(SentencesColumns.SENTENCE_IDX));
      assertNull(r.getAs(SentencesColumns.TONE));
      assertNull(r.getAs(SentencesColumns.HEDGES));
      assertNull(r.getAs(SentencesColumns.SELF_MENTIONS));
      long begin = r.<Long>getAs(SentencesColumns.CHAR_BEGIN);
      long end = r.<Long>getAs(SentencesColumns.CHAR_END);
      // code points, end exclusive
      assertEquals(
          r.getAs(SentencesColumns.TEXT),
          ja.substring(ja.offsetByCodePoints(0, (int) begin), ja.offsetByCodePoints(0, (int) end)));
      List<String> tokens = r.getList(r.fieldIndex(SentencesColumns.TOKENS));
      assertEquals(tokens.size(), (long) r.<Long>getAs(SentencesColumns.N_TOKENS));
      assertTrue(tokens.size() >= 1);
      List<String> mentions = r.getList(r.fieldIndex(SentencesColumns.THEME_MENTIONS));
      List<String> matched = r.getList(r.fieldIndex(SentencesColumns.MATCHED_TERMS));
      assertEquals(mentions.size(), matched.size());
      for (int m = 0; m < matched.size(); m++) {
        String term = matched.get(m);
        assertTrue(term.startsWith(mentions.get(m) + ":"), term);
        String surface = term.substring(term.indexOf(':') + 1);
        assertTrue(r.<String>getAs(SentencesColumns.TEXT).contains(surface), term);
      }
      for (Object t : r.getList(r.fieldIndex(SentencesColumns.THEMES))) {
        themes.add((String) t);
      }
    }
    assertTrue(
        themes.containsAll(
            List.of(
                "alliance_security",
                "china_taiwan",
                "defence_spending",
                "energy",
                "investment_jobs",
                "north_korea",
                "personal_diplomacy",
                "regional_stability",
                "trade_tariffs")),
        themes.toString());
    assertFalse(themes.contains("russia"), themes.toString());
    assertFalse(themes.stream().anyMatch(ThemeIds::isFrame), "no Japanese frame phrases yet");
    // the first sentence (the headline) names the investment pledge: 対米投資 1兆ドル
    assertTrue(
        jaRows
            .get(0)
            .getList(jaRows.get(0).fieldIndex(SentencesColumns.MATCHED_TERMS))
            .contains("investment_jobs:対米投資"),
        jaRows.get(0).toString());

    // 7 accepted = 2 analysed (en-1, ja-1) + 1 duplicate + 1 near duplicate + 3 not analysed
    // (pt, ta, unknown)
    AnnotateJob.Result r = AnnotateJob.classify(AnnotateJob.languageCounts(articles), 2, 0);
    assertEquals(2, r.analysed());
    assertEquals(1, r.duplicates());
    assertEquals(1, r.nearDuplicates());
    assertEquals(3, r.notAnalysed());
    assertEquals(Map.of("pt", 1L, "ta", 1L, "unknown", 1L), r.notAnalysedByLanguage());
    assertEquals("not_analysed=3 (pt 1, ta 1, unknown 1)", r.notAnalysedLine());
  }

  @Test
  void nothingNotAnalysedSaysZero() {
    assertEquals(
        "not_analysed=0",
        AnnotateJob.classify(List.of(new AnnotateJob.LanguageCount("en", false, 5)), 5, 50)
            .notAnalysedLine());
  }
}
