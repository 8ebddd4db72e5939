package dev.parallax.nlp.lang;

/**
 * Which script a piece of text is written in, for the rule that keeps English scoring off Japanese,
 * Chinese and Korean text inside an English article.
 */
public final class CjkScript {
  private CjkScript() {}

  /**
   * No code point below this (U+1100, the first Hangul Jamo) is Han, Hiragana, Katakana or Hangul,
   * so the script lookup (a binary search) is skipped for Latin text (CjkScriptTest checks every
   * code point below it).
   */
  static final int FIRST_CJK = 0x1100;

  /** Whether the code point is of the Han, Hiragana, Katakana or Hangul script. */
  public static boolean isCjk(int cp) {
    if (cp < FIRST_CJK) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }

  /**
   * True when more than half of the letters of {@code text} are Han, Hiragana, Katakana or Hangul
   * (Unicode script of each code point; digits, punctuation and spaces are not letters and do not
   * count). A text without letters is not CJK.
   */
  public static boolean isMostlyCjk(CharSequence text) {
    int letters = 0;
    int cjk = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
        if (isCjk(cp)) {
          cjk++;
        }
      }
    }
    return 2 * cjk > letters;
  }

  /**
   * The CJK language a passage is most likely written in, from its letters' scripts alone: Korean
   * when Hangul letters outnumber Han and kana together, else Japanese when it has any kana
   * (Hiragana or Katakana; Chinese writes none), else Chinese.
   */
  public static String languageOf(CharSequence text) {
    int hangul = 0;
    int kana = 0;
    int han = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HANGUL) {
        hangul++;
      } else if (script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA) {
        kana++;
      } else if (script == Character.UnicodeScript.HAN) {
        han++;
      }
    }
    if (hangul > kana + han) {
      return "ko";
    }
    return kana > 0 ? "ja" : "zh";
  }
}
