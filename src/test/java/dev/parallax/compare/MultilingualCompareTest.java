package dev.parallax.compare;

import static dev.parallax.compare.CompareFixtures.one;
import static dev.parallax.compare.CompareFixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Sources in several languages: sentences without a tone (a language without a tone lexicon) and
 * without stance markers count as sentences, articles and tokens, and add nothing to the tone
 * statistics or the marker rates; every table names each source's language.
 *
 * <p>Story s1, three sources, 10 tokens a sentence unless said otherwise:
 *
 * <ul>
 *   <li>E (en): article e1 with tones 0.5 (t1), −0.1 (t1), 0.2; article e2 with 0.3 and a Japanese
 *       quote (no tone, no markers, 4 tokens); one hedge in each toned sentence;
 *   <li>J (ja): article j1 with two sentences (12 and 8 tokens, the first on t1), article j2 with
 *       one (5 tokens); no tone, no markers;
 *   <li>M (en and ja): article m1 (en) with tone 0.4 on t1 and one booster, article m2 (ja) on t1
 *       with no tone and no markers (6 tokens).
 * </ul>
 */
class MultilingualCompareTest {
  static final CompareParams PARAMS = new CompareParams(200, 300, 99, 50, 0.95, 10, 30, 20, 10, 2);
  static final String[] KEY = {"source", "theme"};
  static final String[] PAIR = {"theme", "source_a", "source_b"};

  static List<CompareFixtures.S> sentences() {
    List<CompareFixtures.S> out = new ArrayList<>();
    out.add(s("s1", "E", "e1").language("en").tone(0.5).themes("t1").markers(1, 0, 0, 0));
    out.add(s("s1", "E", "e1").language("en").tone(-0.1).themes("t1").markers(1, 0, 0, 0));
    out.add(s("s1", "E", "e1").language("en").tone(0.2).markers(1, 0, 0, 0));
    out.add(s("s1", "E", "e2").language("en").tone(0.3).markers(1, 0, 0, 0));
    out.add(s("s1", "E", "e2").language("en").noTone().noMarkers().nTokens(4));
    out.add(s("s1", "J", "j1").language("ja").noTone().noMarkers().nTokens(12).themes("t1"));
    out.add(s("s1", "J", "j1").language("ja").noTone().noMarkers().nTokens(8));
    out.add(s("s1", "J", "j2").language("ja").noTone().noMarkers().nTokens(5));
    out.add(s("s1", "M", "m1").language("en").tone(0.4).themes("t1").markers(0, 1, 0, 0));
    out.add(s("s1", "M", "m2").language("ja").noTone().noMarkers().nTokens(6).themes("t1"));
    return out;
  }

  @Test
  void stanceBySourceRestsTonesOnTonedSentencesAndRatesOnMarkedTokens() {
    List<Row> rows =
        StanceBySource.compute(CompareFixtures.frame(sentences()), PARAMS).collectAsList();
    assertEquals(6, rows.size(), "E, J, M × _all, t1");

    Row e = one(rows, KEY, "E", "_all");
    assertEquals("en", e.getAs("language"));
    assertEquals(5L, e.<Long>getAs("sentences"));
    assertEquals(4L, e.<Long>getAs("toned_sentences"));
    assertEquals(2L, e.<Long>getAs("articles"));
    assertEquals(44L, e.<Long>getAs("tokens"));
    // (0.5 − 0.1 + 0.2 + 0.3) / 4; the quote is not a fifth, neutral sentence
    assertEquals(0.225, e.<Double>getAs("tone_mean"), 1e-12);
    assertEquals(0.75, e.<Double>getAs("positive_share"), 1e-12); // 0.5, 0.2, 0.3 of 4
    assertEquals(0.25, e.<Double>getAs("negative_share"), 1e-12); // −0.1 of 4
    // 4 hedges per 40 tokens with markers, not per 44
    assertEquals(100.0, e.<Double>getAs("hedge_rate_per_1k"), 1e-9);
    assertEquals(0.0, e.<Double>getAs("booster_rate_per_1k"), 1e-12);
    assertEquals(true, e.getAs("small_sample"), "4 toned < 10");

    Row et1 = one(rows, KEY, "E", "t1");
    assertEquals(2L, et1.<Long>getAs("toned_sentences"));
    assertEquals(0.2, et1.<Double>getAs("tone_mean"), 1e-12); // (0.5 − 0.1) / 2

    for (String theme : List.of("_all", "t1")) {
      Row j = one(rows, KEY, "J", theme);
      assertEquals("ja", j.getAs("language"), theme);
      assertEquals(0L, j.<Long>getAs("toned_sentences"), theme);
      for (String c :
          List.of(
              "tone_mean",
              "tone_ci_low",
              "tone_ci_high",
              "positive_share",
              "negative_share",
              "hedge_rate_per_1k",
              "self_mention_rate_per_1k")) {
        assertNull(j.getAs(c), theme + " " + c);
      }
      assertEquals("sentence", j.getAs("resampling"), theme);
      assertEquals(true, j.getAs("small_sample"), theme);
    }
    Row j = one(rows, KEY, "J", "_all");
    assertEquals(3L, j.<Long>getAs("sentences"));
    assertEquals(2L, j.<Long>getAs("articles"));
    assertEquals(25L, j.<Long>getAs("tokens"));

    Row m = one(rows, KEY, "M", "_all");
    assertEquals("en,ja", m.getAs("language"));
    assertEquals(2L, m.<Long>getAs("sentences"));
    assertEquals(1L, m.<Long>getAs("toned_sentences"));
    assertEquals(2L, m.<Long>getAs("articles"));
    assertEquals(16L, m.<Long>getAs("tokens"));
    assertEquals(0.4, m.<Double>getAs("tone_mean"), 1e-12);
    assertEquals(0.4, m.<Double>getAs("tone_ci_low"), 1e-12);
    assertEquals(0.4, m.<Double>getAs("tone_ci_high"), 1e-12);
    assertEquals(100.0, m.<Double>getAs("booster_rate_per_1k"), 1e-9); // 1 per 10 marked tokens
  }

  @Test
  void stanceDifferencePairsOnlySourcesWithToneAndSaysWhatTheyRestOn() {
    List<Row> rows =
        StanceDifference.compute(CompareFixtures.frame(sentences()), PARAMS).collectAsList();
    // J has no toned sentence: of the pairs (E,J), (E,M), (J,M) on _all and t1 only E-M remain
    assertEquals(2, rows.size());
    Row all = one(rows, PAIR, "_all", "E", "M");
    assertEquals("en", all.getAs("language_a"));
    assertEquals("en,ja", all.getAs("language_b"));
    assertEquals(5L, all.<Long>getAs("sentences_a"));
    assertEquals(2L, all.<Long>getAs("sentences_b"));
    assertEquals(4L, all.<Long>getAs("toned_sentences_a"));
    assertEquals(1L, all.<Long>getAs("toned_sentences_b"));
    assertEquals(2L, all.<Long>getAs("articles_a"));
    assertEquals(2L, all.<Long>getAs("articles_b"));
    assertEquals(0.225, all.<Double>getAs("tone_mean_a"), 1e-12);
    assertEquals(0.4, all.<Double>getAs("tone_mean_b"), 1e-12);
    assertEquals(-0.175, all.<Double>getAs("tone_diff"), 1e-12);
    // Cliff's delta of {0.5, −0.1, 0.2, 0.3} against {0.4}: (1 greater − 3 smaller) / 4
    assertEquals(-0.5, all.<Double>getAs("cliffs_delta"), 1e-12);
    assertNull(all.getAs("effect_size"), "one toned sentence on side b");
    assertEquals(true, all.getAs("small_sample"));

    Row t1 = one(rows, PAIR, "t1", "E", "M");
    assertEquals(2L, t1.<Long>getAs("toned_sentences_a"));
    assertEquals(1L, t1.<Long>getAs("toned_sentences_b"));
    assertEquals(2L, t1.<Long>getAs("sentences_b"), "m1 and the ja sentence of m2");
    assertEquals(-0.2, t1.<Double>getAs("tone_diff"), 1e-12); // 0.2 − 0.4
    assertEquals(0.0, t1.<Double>getAs("cliffs_delta"), 1e-12); // 0.5 > 0.4, −0.1 < 0.4
  }

  @Test
  void aSourceWithoutToneChangesNoStanceDifferenceRow() {
    List<CompareFixtures.S> english = CompareFixtures.corpus();
    List<CompareFixtures.S> with = new ArrayList<>(CompareFixtures.corpus());
    for (int i = 0; i < 6; i++) {
      with.add(
          s("s1", "J", "j" + (i / 3))
              .language("ja")
              .noTone()
              .noMarkers()
              .themes(i % 2 == 0 ? new String[] {"t1"} : new String[0]));
    }
    Dataset<Row> before = StanceDifference.compute(CompareFixtures.frame(english), PARAMS);
    Dataset<Row> after = StanceDifference.compute(CompareFixtures.frame(with), PARAMS);
    // same rows, q-values included: J takes part in no pair, so no test is added to the story
    assertEquals(CompareFixtures.canonical(before), CompareFixtures.canonical(after));
  }

  @Test
  void sourceSummaryThemeFrequencyAndTermsNameTheLanguage() {
    Dataset<Row> sentences = CompareFixtures.frame(sentences());
    List<Row> summary = SourceSummary.compute(sentences).collectAsList();
    Row e = one(summary, new String[] {"source"}, "E");
    assertEquals("en", e.getAs("language"));
    assertEquals(5L, e.<Long>getAs("sentences"));
    assertEquals(4L, e.<Long>getAs("toned_sentences"));
    assertEquals(0.225, e.<Double>getAs("tone_mean"), 1e-12);
    Row j = one(summary, new String[] {"source"}, "J");
    assertEquals("ja", j.getAs("language"));
    assertEquals(3L, j.<Long>getAs("sentences"));
    assertEquals(0L, j.<Long>getAs("toned_sentences"));
    assertEquals(2L, j.<Long>getAs("articles"));
    assertNull(j.getAs("tone_mean"));
    assertEquals("en,ja", one(summary, new String[] {"source"}, "M").getAs("language"));

    // theme frequencies count every sentence, toned or not
    List<Row> tf = ThemeFrequency.compute(sentences, null, 50).collectAsList();
    Row jt1 = one(tf, KEY, "J", "t1");
    assertEquals("ja", jt1.getAs("language"));
    assertEquals(1L, jt1.<Long>getAs("sentences"));
    assertEquals(3L, jt1.<Long>getAs("source_sentences"));
    assertEquals(0.5, jt1.<Double>getAs("article_share"), 1e-12); // j1 of j1, j2
    assertEquals(1000.0 / 25, jt1.<Double>getAs("rate_per_1k_tokens"), 1e-9);
    assertEquals(2L, one(tf, KEY, "M", "t1").<Long>getAs("sentences"));

    Map<String, String> language = Map.of("A", "en", "B", "ja");
    List<CompareFixtures.S> terms = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      terms.add(s("s1", "A", "a0").language("en").tokens("alliance", "tariff"));
      terms.add(s("s1", "B", "b0").language("ja").noTone().tokens("同盟", "関税"));
    }
    // one source per language: none has a rest in its own language, so no distinctive terms
    // (against each other every word of each would be "distinctive", only for its language)
    assertEquals(
        List.of(), DistinctiveTerms.compute(CompareFixtures.frame(terms), PARAMS).collectAsList());
    // a second Japanese source: B and C against each other, A still alone in English
    for (int i = 0; i < 3; i++) {
      terms.add(s("s1", "C", "c0").language("ja").noTone().tokens("関税", "防衛費"));
    }
    List<Row> dt = DistinctiveTerms.compute(CompareFixtures.frame(terms), PARAMS).collectAsList();
    assertEquals(6, dt.size(), "two words and their bigram per Japanese source");
    for (Row r : dt) {
      assertEquals(language.getOrDefault(r.<String>getAs("source"), "ja"), r.getAs("language"));
      assertTrue(!"A".equals(r.getAs("source")), r.toString());
    }
    assertTrue(dt.stream().anyMatch(r -> "同盟".equals(r.getAs("term"))));
  }
}
