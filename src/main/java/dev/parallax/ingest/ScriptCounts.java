package dev.parallax.ingest;

import java.lang.Character.UnicodeScript;
import java.util.Locale;

/**
 * Weighted letter counts of a text by {@link Script} group: Han, kana and Hangul letters weigh
 * {@link LanguageId#CJK_LETTER_WEIGHT} each, every other letter 1; non-letters are not counted.
 */
// Counts are an array indexed by Script.ordinal(): one increment per code point, no boxing.
@SuppressWarnings("EnumOrdinal")
final class ScriptCounts {
  final int[] weighted = new int[Script.values().length];
  int total;
  int kana;
  private String otherScript;

  static ScriptCounts of(String text) {
    ScriptCounts c = new ScriptCounts();
    for (int i = 0, n = text.length(); i < n; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      Script s = Script.ofLetter(cp);
      if (s == null) {
        continue;
      }
      int w = 1;
      if (s == Script.CJK || s == Script.HANGUL) {
        w = LanguageId.CJK_LETTER_WEIGHT;
        if (s == Script.CJK && Script.isKana(cp)) {
          c.kana += w;
        }
      } else if (s == Script.OTHER && c.otherScript == null) {
        c.otherScript = UnicodeScript.of(cp).name().toLowerCase(Locale.ROOT);
      }
      c.weighted[s.ordinal()] += w;
      c.total += w;
    }
    return c;
  }

  /** The group with the most weighted letters (the first in declaration order on a tie). */
  Script majority() {
    Script best = Script.LATIN;
    for (Script s : Script.values()) {
      if (weighted[s.ordinal()] > weighted[best.ordinal()]) {
        best = s;
      }
    }
    return best;
  }

  String otherScriptName() {
    return otherScript == null ? "unknown" : otherScript;
  }
}
