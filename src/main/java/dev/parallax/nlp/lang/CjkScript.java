package dev.parallax.nlp.lang;

/**
 * Which script a piece of text is written in, for the rule that keeps English scoring off Japanese,
 * Chinese and Korean text inside an English article.
 */
public final class CjkScript {
  private CjkScript() {}

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
      if (!Character.isLetter(cp)) {
        continue;
      }
      letters++;
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HAN
          || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA
          || script == Character.UnicodeScript.HANGUL) {
        cjk++;
      }
    }
    return 2 * cjk > letters;
  }
}
