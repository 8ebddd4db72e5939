package dev.parallax.compare;

import static dev.parallax.compare.CompareFixtures.one;
import static dev.parallax.compare.CompareFixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Distinctive terms within a language: each source against the rest of its story in its own
 * language, counted by hand.
 *
 * <pre>
 * Story s1: English A and B (the sentences of {@link DistinctiveTermsTest}, language en),
 *           Japanese J1 and J2, Korean K.
 * J1 (ja): 関税 防衛費 関税   unigrams 関税 2, 防衛費 1; bigrams "関税 防衛費", "防衛費 関税" = 5 terms
 * J2 (ja): 関税 同盟 同盟     unigrams 関税 1, 同盟 2;   bigrams "関税 同盟", "同盟 同盟"     = 5 terms
 * ja in s1: 関税 3, 同盟 2, every other term 1                                              = 10 terms
 * K (ko):  관세 관세 동맹     the only Korean source: no rest, no rows
 *
 * Story s2: M writes in English and in Japanese, E in English, N in Japanese.
 * M (en): tariff tariff deal  tariff 2, deal 1, "tariff tariff", "tariff deal" = 5 terms
 * E (en): deal deal tariff    deal 2, tariff 1, "deal deal", "deal tariff"     = 5 terms
 * M (ja): 関税 関税            関税 2, "関税 関税"                                  = 3 terms
 * N (ja): 関税 同盟            関税 1, 同盟 1, "関税 同盟"                         = 3 terms
 * </pre>
 *
 * With min_term_count 2: J1 ranks 関税 only; J2 関税 and 同盟.
 */
class DistinctiveTermsLanguagesTest {
  static final double A0 = 10;
  static final String[] KEY = {"story", "source", "language", "term"};
  static final CompareParams PARAMS = new CompareParams(1, 1, 1, 50, 0.95, 1, 1, 30, A0, 2);

  static List<CompareFixtures.S> english() {
    List<CompareFixtures.S> en = new ArrayList<>();
    en.add(s("s1", "A", "a1").tokens("The", "tariff", "war", "is", "costly").language("en"));
    en.add(s("s1", "A", "a1").tokens("tariff", "war", "2025", "!").language("en"));
    en.add(s("s1", "B", "b1").tokens("The", "alliance", "is", "strong").language("en"));
    en.add(s("s1", "B", "b2").tokens("alliance", "strong", "tariff").language("en"));
    return en;
  }

  static List<CompareFixtures.S> mixed() {
    List<CompareFixtures.S> all = english();
    all.add(s("s1", "J1", "j1").tokens("関税", "防衛費", "関税").language("ja"));
    all.add(s("s1", "J2", "j2").tokens("関税", "同盟", "同盟").language("ja"));
    all.add(s("s1", "K", "k1").tokens("관세", "관세", "동맹").language("ko"));
    all.add(s("s2", "M", "m1").tokens("tariff", "tariff", "deal").language("en"));
    all.add(s("s2", "M", "m2").tokens("関税", "関税").language("ja"));
    all.add(s("s2", "E", "e1").tokens("deal", "deal", "tariff").language("en"));
    all.add(s("s2", "N", "n1").tokens("関税", "同盟").language("ja"));
    return all;
  }

  static List<Row> rows(List<CompareFixtures.S> sentences) {
    return DistinctiveTerms.compute(CompareFixtures.frame(sentences), PARAMS).collectAsList();
  }

  /**
   * J1's 関税 against J2 only: y = 2 of n = 5, rest y = 1 of n = 5; prior from the story's Japanese,
   * alpha_w = alpha0 · 3 / 10 = 3. delta = ln((y + a_w) / (n + alpha0 − y − a_w)) − ln((y_r + a_w)
   * / (n_r + alpha0 − y_r − a_w)) = ln(5 / 10) − ln(4 / 11) = ln(11 / 8) ≈ 0.318454; variance = 1 /
   * (y + a_w) + 1 / (y_r + a_w) = 1/5 + 1/4 = 0.45; z = ln(11 / 8) / √0.45 ≈ 0.474723.
   */
  @Test
  void japaneseSourcesAreScoredOnlyAgainstEachOther() {
    List<Row> rows = rows(mixed());
    Row tariff = one(rows, KEY, "s1", "J1", "ja", "関税");
    assertEquals(2L, (long) tariff.getAs("count_source"));
    assertEquals(1L, (long) tariff.getAs("count_rest"));
    assertEquals(3L, (long) tariff.getAs("count_story"));
    assertEquals(5L, (long) tariff.getAs("source_terms"));
    assertEquals(5L, (long) tariff.getAs("rest_terms"));
    assertEquals(3.0, tariff.<Double>getAs("prior_alpha"), 1e-12);
    assertEquals(Math.log(11.0 / 8), tariff.<Double>getAs("log_odds"), 1e-12);
    assertEquals(0.318454, tariff.<Double>getAs("log_odds"), 1e-6);
    assertEquals(Math.log(11.0 / 8) / Math.sqrt(0.45), tariff.<Double>getAs("z_score"), 1e-12);
    assertEquals(0.474723, tariff.<Double>getAs("z_score"), 1e-6);
    assertEquals(1L, (long) tariff.getAs("rank"));
    // J2's 同盟: 2 of 5 against 0 of 5 (rest_terms 5: the English and Korean terms are not rest)
    Row alliance = one(rows, KEY, "s1", "J2", "ja", "同盟");
    assertEquals(0L, (long) alliance.getAs("count_rest"));
    assertEquals(5L, (long) alliance.getAs("rest_terms"));
    assertEquals(2.0, alliance.<Double>getAs("prior_alpha"), 1e-12); // 10 · 2 / 10
    List<String> japanese =
        rows.stream()
            .filter(r -> "ja".equals(r.getAs("language")) && "s1".equals(r.getAs("story")))
            .map(r -> r.getAs("source") + ":" + r.getAs("term"))
            .sorted()
            .collect(Collectors.toList());
    assertEquals(List.of("J1:関税", "J2:同盟", "J2:関税"), japanese);
  }

  @Test
  void aSourceAloneInItsLanguageGetsNoRows() {
    List<Row> rows = rows(mixed());
    assertTrue(rows.stream().noneMatch(r -> "K".equals(r.getAs("source"))), rows.toString());
    assertTrue(rows.stream().noneMatch(r -> "ko".equals(r.getAs("language"))), rows.toString());
  }

  /** The English rows of the story are those of the story without its other languages. */
  @Test
  void englishRowsAreUnchangedByTheOtherLanguages() {
    List<String> alone =
        rows(english()).stream().map(Row::toString).sorted().collect(Collectors.toList());
    List<String> inMixed =
        rows(mixed()).stream()
            .filter(r -> "s1".equals(r.getAs("story")) && "en".equals(r.getAs("language")))
            .map(Row::toString)
            .sorted()
            .collect(Collectors.toList());
    assertEquals(6, alone.size(), alone.toString());
    assertEquals(alone, inMixed);
    // and by hand (DistinctiveTermsTest#countsAndZByHand): war of A, 2 of 7 against 0 of 7
    Row war = one(rows(mixed()), KEY, "s1", "A", "en", "war");
    assertEquals(7L, (long) war.getAs("rest_terms"));
    assertEquals(DistinctiveTermsTest.z(2, 7, 0, 7, 2, 14), war.<Double>getAs("z_score"), 1e-12);
  }

  /**
   * M writes in English and Japanese: each part against the rest of its language, ranked apart. M's
   * tariff: 2 of 5 against E's 1 of 5, story 3 of 10; M's 関税: 2 of 3 against N's 1 of 3, story 3 of
   * 6.
   */
  @Test
  void aSourceInTwoLanguagesIsScoredOncePerLanguage() {
    List<Row> rows = rows(mixed());
    Row en = one(rows, KEY, "s2", "M", "en", "tariff");
    assertEquals(1L, (long) en.getAs("count_rest"));
    assertEquals(5L, (long) en.getAs("source_terms"));
    assertEquals(5L, (long) en.getAs("rest_terms"));
    assertEquals(DistinctiveTermsTest.z(2, 5, 1, 5, 3, 10), en.<Double>getAs("z_score"), 1e-12);
    assertEquals(1L, (long) en.getAs("rank"));
    Row ja = one(rows, KEY, "s2", "M", "ja", "関税");
    assertEquals(1L, (long) ja.getAs("count_rest"));
    assertEquals(3L, (long) ja.getAs("source_terms"));
    assertEquals(3L, (long) ja.getAs("rest_terms"));
    assertEquals(3L, (long) ja.getAs("count_story"));
    assertEquals(DistinctiveTermsTest.z(2, 3, 1, 3, 3, 6), ja.<Double>getAs("z_score"), 1e-12);
    assertEquals(1L, (long) ja.getAs("rank"));
  }
}
