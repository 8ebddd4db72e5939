package dev.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.ingest.ArticleRules.BadDate;
import dev.parallax.ingest.ArticleRules.Checked;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The language columns of one checked article, for each kind of bad language input: what the record
 * declares is kept, the language is read from the text, and nothing is rejected for it. Texts
 * written for this test.
 */
class ArticleLanguageTest {
  static final LanguageId LANGUAGES = LanguageId.forCandidates(LanguageId.DEFAULT_CANDIDATES);

  /**
   * 58 Han and kana letters (174 weighted letters, 40 needed), 28 of them kana: Japanese by the
   * kana rule.
   */
  static final String JAPANESE =
      "石破茂首相は七日、ワシントンでトランプ大統領と会談し、日米同盟の強化と対米投資の拡大で一致した。" + "関税の扱いは決まらなかった。";

  /**
   * 264 Latin letters with a quote of 16 Han and kana letters (48 weighted letters, 48 / 312 = 15 %
   * of the letters, over the 5 % that is worth a warning): English by majority, with a
   * mixed-scripts warning.
   */
  static final String ENGLISH_WITH_QUOTE =
      "Prime Minister Shigeru Ishiba told reporters after the meeting that the alliance had"
          + " entered a new era. The Japanese daily that first reported the remarks quoted him as"
          + " saying 「日米関係は新たな黄金時代に入った」 and added that officials in Tokyo were"
          + " still studying the question of tariffs on cars, which the two leaders had not"
          + " settled by the end of the day.";

  /** Georgian, which no default candidate is written in. */
  static final String GEORGIAN =
      "იაპონიის პრემიერ-მინისტრი პარასკევს თეთრ სახლში ამერიკის პრეზიდენტს შეხვდა. ლიდერებმა"
          + " ვაჭრობასა და უსაფრთხოებაზე ისაუბრეს.";

  private static Checked check(String text, String declared) {
    Map<String, String> fields =
        declared == null
            ? Map.of("source", "Test Outlet", "text", text)
            : Map.of("source", "Test Outlet", "text", text, "language", declared);
    Checked c = ArticleRules.check(fields, "s", BadDate.REJECT, LANGUAGES);
    assertNull(c.reasonCode(), () -> "language must never reject: " + c.reason());
    return c;
  }

  private static List<String> languageWarnings(Checked c) {
    return c.warnings().stream().filter(w -> w.startsWith("language: ")).toList();
  }

  @Test
  void japaneseLabelledEnglishIsJapaneseWithAWarning() {
    Checked c = check(JAPANESE, "en");
    assertEquals("ja", c.language());
    assertEquals("en", c.languageDeclared());
    assertEquals(1.0, c.languageConfidence());
    assertEquals(1, c.warnings().size(), c.warnings()::toString);
    assertTrue(
        c.warnings().get(0).contains("declared en but the text reads as ja"), c.warnings().get(0));
  }

  @Test
  void anEnglishArticleWithAJapaneseQuoteIsEnglish() {
    Checked c = check(ENGLISH_WITH_QUOTE, "EN-GB");
    assertEquals("en", c.language());
    assertEquals("en", c.languageDeclared());
    assertEquals(1.0, c.languageConfidence());
    List<String> w = languageWarnings(c);
    assertEquals(1, w.size(), w::toString);
    assertTrue(w.get(0).contains("mixed scripts") && w.get(0).contains("Han/kana"), w.get(0));
  }

  @Test
  void tooShortTextKeepsTheDeclaredLanguageWithoutConfidence() {
    Checked c = check("Talks end.", "ko");
    assertEquals("ko", c.language(), "the declaration is all there is");
    assertEquals("ko", c.languageDeclared());
    assertNull(c.languageConfidence());
    assertEquals(1, c.warnings().size(), c.warnings()::toString);
    assertTrue(c.warnings().get(0).contains("too short"), c.warnings().get(0));

    Checked undeclared = check("会談終了", null); // 4 Han and kana: 12 weighted letters
    assertNull(undeclared.language());
    assertNull(undeclared.languageDeclared());
    assertNull(undeclared.languageConfidence());
    assertTrue(undeclared.warnings().get(0).contains("(none)"), undeclared.warnings().get(0));
  }

  @Test
  void aScriptNoCandidateUsesHasNoLanguageAndAWarning() {
    Checked c = check(GEORGIAN, "ka");
    assertNull(c.language());
    assertEquals("ka", c.languageDeclared());
    assertNull(c.languageConfidence());
    assertEquals(1, c.warnings().size(), c.warnings()::toString);
    assertTrue(c.warnings().get(0).contains("Georgian script"), c.warnings().get(0));
  }

  @Test
  void onlyTheDeclaredPrimarySubtagIsKept() {
    Checked c = check(ArticleRulesTest.TEXT, " en_US ");
    assertEquals("en", c.languageDeclared());
    assertEquals(List.of(), c.warnings());
  }

  @Test
  void languageWarningsFollowTheOtherWarnings() {
    Checked c =
        ArticleRules.check(
            Map.of(
                "source",
                "Test Outlet",
                "text",
                JAPANESE,
                "language",
                "zh",
                "published",
                "2025-02-07T18:30:00"),
            "s",
            BadDate.REJECT,
            LANGUAGES);
    assertEquals(2, c.warnings().size(), c.warnings()::toString);
    assertTrue(c.warnings().get(0).contains("no UTC offset"), c.warnings().get(0));
    assertTrue(c.warnings().get(1).contains("declared zh"), c.warnings().get(1));
  }
}
