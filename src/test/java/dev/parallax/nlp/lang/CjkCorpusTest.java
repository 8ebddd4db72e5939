package dev.parallax.nlp.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestCorpus;
import dev.parallax.TestCorpus.SampleArticle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The synthetic Japanese, Chinese and Korean articles of the sample (data/coverage) through
 * sentence splitting, tokenisation and theme matching. The expected themes are what a reader of
 * each article finds in it, decided by reading, not by running the code.
 */
class CjkCorpusTest {

  static final List<String> FILES = TestCorpus.CJK_FILES;

  static SampleArticle read(String file) throws IOException {
    return TestCorpus.sampleArticle(file);
  }

  static List<String> themesOf(SampleArticle a, Map<String, PhraseMatcher> matchers) {
    String language = a.fields().get("language");
    TreeSet<String> found = new TreeSet<>();
    for (CjkSentence s : CjkProfile.of(language).sentences(a.body())) {
      found.addAll(matchers.get(language).themes(s.tokens()));
    }
    return new ArrayList<>(found);
  }

  @Test
  void everyArticleIsSyntheticAndHasTheSampleFields() throws IOException {
    for (String f : FILES) {
      SampleArticle a = read(f);
      assertEquals("true", a.fields().get("synthetic"), f);
      assertEquals("ishiba-trump-2025", a.fields().get("story"), f);
      assertTrue(
          a.fields()
              .keySet()
              .containsAll(
                  List.of(
                      "id",
                      "source",
                      "url",
                      "title",
                      "published",
                      "language",
                      "author",
                      "country",
                      "source_type")),
          f);
      assertTrue(a.fields().get("url").contains(".example/"), f);
      int paragraphs = a.body().split("\n\\s*\n", -1).length - 1; // less the heading
      assertTrue(paragraphs >= 6 && paragraphs <= 12, f + ": " + paragraphs + " paragraphs");
    }
  }

  @Test
  void sentencesAreSplitAndTokenised() throws IOException {
    for (String f : FILES) {
      SampleArticle a = read(f);
      List<CjkSentence> sentences = CjkProfile.of(a.fields().get("language")).sentences(a.body());
      assertTrue(sentences.size() >= 10, f + ": " + sentences.size() + " sentences");
      int[] cps = a.body().codePoints().toArray();
      for (CjkSentence s : sentences) {
        assertFalse(s.tokens().isEmpty(), f + ": no token in " + s.text());
        assertEquals(s.text(), new String(cps, s.begin(), s.end() - s.begin()));
        // A sentence never runs over a paragraph break.
        assertFalse(s.text().contains("\n\n"), s.text());
      }
    }
  }

  @Test
  void theJapaneseDailyCoversTheWholeSummit() throws IOException {
    // Alliance and the Senkakus, defence budget, North Korea and abductions, China and the Taiwan
    // Strait, investment and Nippon Steel, the trade deficit and tariffs, LNG, the flattery and
    // Abe, and the Indo-Pacific order. Nothing on Russia or chips.
    assertThemes(
        "kasumi-shimpo-1.md",
        List.of("ai_semiconductors", "russia"),
        "alliance_security",
        "china_taiwan",
        "defence_spending",
        "energy",
        "investment_jobs",
        "north_korea",
        "personal_diplomacy",
        "regional_stability",
        "trade_tariffs");
  }

  @Test
  void theJapaneseBroadcasterIsAboutBusiness() throws IOException {
    // Investment, factories and jobs, reciprocal and car tariffs, LNG and the pipeline, chips and
    // AI, and one paragraph on the alliance. No North Korea, China, Russia or defence budget.
    assertThemes(
        "kazaguruma-hoso-1.md",
        List.of("china_taiwan", "defence_spending", "north_korea", "russia"),
        "ai_semiconductors",
        "alliance_security",
        "energy",
        "investment_jobs",
        "trade_tariffs");
  }

  @Test
  void theChineseCommentaryIsAboutTaiwanAndTheAlliance() throws IOException {
    // The alliance and extended deterrence, the Diaoyu islands, Taiwan and the seas, Japan's
    // defence budget, tension and regional stability, the investment pledge and tariffs, and the
    // praise of Trump. No North Korea, Russia, energy or chips.
    assertThemes(
        "yangzi-tide-1.md",
        List.of("ai_semiconductors", "energy", "north_korea", "russia"),
        "alliance_security",
        "china_taiwan",
        "defence_spending",
        "investment_jobs",
        "personal_diplomacy",
        "regional_stability",
        "trade_tariffs");
  }

  @Test
  void theKoreanReportIsAboutNorthKoreaAndSeoulsPosition() throws IOException {
    // The alliance's golden age, North Korea and its military ties with Russia, abductions, the
    // investment pledge, the trade deficit and tariffs, LNG and energy, golf and rapport, and the
    // defence cost burden. No China or Taiwan, no chips.
    assertThemes(
        "gangmul-ilbo-1.md",
        List.of("ai_semiconductors", "china_taiwan"),
        "alliance_security",
        "defence_spending",
        "energy",
        "investment_jobs",
        "north_korea",
        "personal_diplomacy",
        "russia",
        "trade_tariffs");
  }

  private static void assertThemes(String file, List<String> absent, String... expected)
      throws IOException {
    List<String> found = themesOf(read(file), CjkThemePhrases.matchers());
    assertTrue(
        found.containsAll(List.of(expected)),
        file + ": expected " + List.of(expected) + ", found " + found);
    for (String theme : absent) {
      assertFalse(found.contains(theme), file + ": " + theme + " found in " + found);
    }
  }
}
