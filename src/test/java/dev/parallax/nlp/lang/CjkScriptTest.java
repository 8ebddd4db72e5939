package dev.parallax.nlp.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The share of CJK letters that keeps English rules off a sentence. */
class CjkScriptTest {
  @Test
  void moreThanHalfOfTheLettersDecides() {
    assertTrue(CjkScript.isMostlyCjk("「日米同盟は揺るぎない」と石破首相は述べた。"));
    assertTrue(CjkScript.isMostlyCjk("关税问题。"));
    assertTrue(CjkScript.isMostlyCjk("방위비를 늘렸다."));
    // 32 Latin letters (Ishiba said matters to both countries) against 4 Han: English
    assertFalse(CjkScript.isMostlyCjk("Ishiba said 日米同盟 matters to both countries."));
    // 3 Latin (Abe) against 3 Han: exactly half is not more than half
    assertFalse(CjkScript.isMostlyCjk("Abe 安倍晋"));
    // 3 Latin (LNG) against 4 Han: CJK; digits and punctuation are not letters
    assertTrue(CjkScript.isMostlyCjk("LNG 2025 輸入拡大!"));
    assertFalse(CjkScript.isMostlyCjk("2025, 12%"));
    assertFalse(CjkScript.isMostlyCjk(""));
  }

  @Test
  void noCodePointBelowTheFirstCjkOneIsOfACjkScript() {
    for (int cp = 0; cp < CjkScript.FIRST_CJK; cp++) {
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      assertTrue(
          script != Character.UnicodeScript.HAN
              && script != Character.UnicodeScript.HIRAGANA
              && script != Character.UnicodeScript.KATAKANA
              && script != Character.UnicodeScript.HANGUL,
          "U+" + Integer.toHexString(cp));
    }
    assertEquals(Character.UnicodeScript.HANGUL, Character.UnicodeScript.of(CjkScript.FIRST_CJK));
  }

  @Test
  void theLanguageOfAPassageFollowsItsScripts() {
    // kana (は, と, ...) besides Han: Japanese
    assertEquals("ja", CjkScript.languageOf("「日米同盟は揺るぎない」と石破首相は述べた。"));
    // Han only: Chinese
    assertEquals("zh", CjkScript.languageOf("美日同盟坚如磐石。"));
    // 7 Hangul against 3 Han: Korean
    assertEquals("ko", CjkScript.languageOf("방위비를 늘렸다 日米同"));
    // 2 Hangul against 2 Han and 1 kana: not a Hangul majority, kana present: Japanese
    assertEquals("ja", CjkScript.languageOf("방위 同盟の"));
  }
}
